#include "iso/iso_pipeline.hpp"

#include <algorithm>
#include <cstring>

#include "core/stopwatch.hpp"
#include "iso/cluster_selection.hpp"
#include "iso/decision_layout.hpp"
#include "iso/epsilon_search.hpp"
#include "iso/feature_standardizer.hpp"
#include "iso/iso_cpu_stages.hpp"
#include "iso/iso_validation.hpp"
#include "iso/tree_model.hpp"

namespace cheeger::iso {

namespace {

// The algorithm the stages are asked for: a CUDA context has no kd-tree, and KDTREE is there its Boruvka, the
// device's own O(log n)-round tree (the same tree, as every choice gives). The CUDA stages thus see only the
// values they know.
cheeger_iso_spanning_tree stage_algorithm(const stage_backend& stages, std::int32_t requested) noexcept {
    const auto algorithm = static_cast<cheeger_iso_spanning_tree>(requested);
    if (stages.kind() == CHEEGER_BACKEND_CUDA && algorithm == CHEEGER_ISO_SPANNING_TREE_KDTREE) {
        return CHEEGER_ISO_SPANNING_TREE_BORUVKA;
    }
    return algorithm;
}

template <class T>
void copy_out(T* destination, const std::vector<T>& source, std::int64_t n) noexcept {
    if (destination != nullptr) std::memcpy(destination, source.data(), static_cast<std::size_t>(n) * sizeof(T));
}

// The search at the tree loaded in the stages, the final decision at its upper end, the k sets and the labels
// (search timing: the search and the selection; label timing: the scan), each stage's start reported.
void search_and_label(stage_backend& stages, workspace& ws, const decision_tree& tree, const cheeger_iso_params& p,
                      std::int32_t* labels_out, double* cluster_costs_out, const progress_sink& progress,
                      cheeger_iso_info& info) {
    stopwatch watch;
    progress.start(CHEEGER_ISO_STAGE_SEARCH);
    const search_outcome search = epsilon_search(stages, tree, p.k, p.search_tolerance, p.max_search_steps, ws.probes,
                                                 ws.singleton_cost.data(), progress);
    const decision_output decision{ws.value.data(), ws.good.data(), ws.joined.data(), ws.representative.data()};
    stages.decide(search.epsilon_high, false, decision);
    const selection kept = select_clusters(ws, tree, p.k);
    if (cluster_costs_out != nullptr) std::copy_n(kept.costs, p.k, cluster_costs_out);
    info.seconds_search = watch.seconds();

    watch.restart();
    progress.start(CHEEGER_ISO_STAGE_LABELS);
    info.outliers = scan_labels(ws, tree.n, labels_out);
    info.seconds_labels = watch.seconds();

    info.cost = kept.cost;
    info.epsilon_high = search.epsilon_high;
    info.epsilon_low = search.epsilon_low;
    info.search_steps = search.halvings;
    info.decisions = static_cast<std::int32_t>(ws.probes.size());
    info.max_depth = tree.max_depth;
}

}  // namespace

void run(stage_backend& stages, workspace& ws, const run_request& call, const progress_sink& progress,
         cheeger_iso_info& info) {
    const std::int64_t n = call.n, d = call.d;
    const cheeger_iso_params& p = call.params;
    ws.prepare(n, d, p.standardize == 1);
    info.backend = stages.kind();

    stopwatch watch;
    const double* points = call.points;
    if (p.standardize == 1) {
        progress.start(CHEEGER_ISO_STAGE_STANDARDIZE);
        standardize_features(call.points, n, d, ws.standardized.data());
        points = ws.standardized.data();
        info.seconds_standardize = watch.seconds();
    }

    watch.restart();
    progress.start(CHEEGER_ISO_STAGE_SPANNING_TREE);
    stages.minimum_spanning_tree(points, n, d, stage_algorithm(stages, p.spanning_tree),
                                 tree_output{ws.parent.data(), ws.squared_length.data(), ws.order.data()}, progress);
    complete_tree(n, ws.parent.data(), ws.squared_length.data(), ws.order.data(), ws.depth.data(),
                  ws.sibling_rank.data(), ws.length.data(), ws.child_count.data());
    info.seconds_mst = watch.seconds();

    watch.restart();
    progress.start(CHEEGER_ISO_STAGE_WEIGHTS);
    const double sigma = tree_sigma(n, ws.parent.data(), ws.length.data(), p);
    const auto kernel = static_cast<cheeger_iso_kernel>(p.kernel);
    parent_flows(n, ws.parent.data(), ws.squared_length.data(), kernel, sigma, ws.parent_flow.data());
    switch (p.weight) {
        case CHEEGER_ISO_WEIGHT_UNIT:
            std::fill_n(ws.vertex_weight.begin(), n, 1.0);
            break;
        case CHEEGER_ISO_WEIGHT_GRAPH:
            stages.graph_degree(points, n, d, kernel, sigma, ws.vertex_weight.data());
            break;
        case CHEEGER_ISO_WEIGHT_TREE:
        default:
            tree_degree(n, ws.parent.data(), ws.order.data(), ws.parent_flow.data(), ws.vertex_weight.data());
            break;
    }
    potentials(n, ws.parent.data(), ws.parent_flow.data(), p.beta, ws.potential.data());
    const decision_tree tree = build_decision_layout(ws, n, 0, ws.parent.data(), ws.sibling_rank.data(),
                                                     ws.parent_flow.data(), ws.vertex_weight.data(),
                                                     ws.potential.data());
    stages.load_tree(tree);
    info.sigma = sigma;
    info.seconds_weights = watch.seconds();

    search_and_label(stages, ws, tree, p, call.labels_out, call.cluster_costs_out, progress, info);

    if (call.full_labels_out != nullptr) {
        watch.restart();
        stages.nearest_fill(points, n, d, call.labels_out, call.full_labels_out);
        info.seconds_labels += watch.seconds();
    }

    if (call.probes_out != nullptr) {
        const std::size_t written = std::min(ws.probes.size(), static_cast<std::size_t>(call.probes_capacity));
        std::copy_n(ws.probes.begin(), written, call.probes_out);
    }
    const cheeger_iso_tree& out = call.tree_out;
    copy_out(out.parent, ws.parent, n);
    copy_out(out.depth, ws.depth, n);
    copy_out(out.sibling_rank, ws.sibling_rank, n);
    copy_out(out.order, ws.order, n);
    copy_out(out.squared_edge_length, ws.squared_length, n);
    copy_out(out.edge_length, ws.length, n);
    copy_out(out.parent_flow, ws.parent_flow, n);
    copy_out(out.vertex_weight, ws.vertex_weight, n);
    copy_out(out.potential, ws.potential, n);
    progress.report(CHEEGER_ISO_STAGE_LABELS, 1.0);
}

void minimum_spanning_tree(stage_backend& stages, workspace& ws, const double* points, std::int64_t n,
                           std::int64_t d, std::int32_t spanning_tree, std::int32_t* parent_out, double* squared_edge_length_out,
                           double* edge_length_out, std::int32_t* depth_out, std::int32_t* sibling_rank_out,
                           std::int32_t* order_out, const progress_sink& progress) {
    ws.prepare(n, d, false);
    progress.start(CHEEGER_ISO_STAGE_SPANNING_TREE);
    stages.minimum_spanning_tree(points, n, d, stage_algorithm(stages, spanning_tree),
                                 tree_output{parent_out, squared_edge_length_out, order_out}, progress);
    complete_tree(n, parent_out, squared_edge_length_out, order_out, depth_out, sibling_rank_out, edge_length_out,
                  ws.child_count.data());
}

void partition(stage_backend& stages, workspace& ws, const partition_request& call, const progress_sink& progress,
               cheeger_iso_info& info) {
    const std::int64_t n = call.n;
    ws.prepare(n, 0, false);
    validate_partition_tree(call, ws.child_count.data(), ws.vertex_child_start.data(), ws.good.data());
    info.backend = stages.kind();

    stopwatch watch;
    progress.start(CHEEGER_ISO_STAGE_WEIGHTS);
    const decision_tree tree = build_decision_layout(ws, n, call.root, call.parent, call.sibling_rank,
                                                     call.parent_flow, call.vertex_weight, call.potential);
    stages.load_tree(tree);
    info.seconds_weights = watch.seconds();
    search_and_label(stages, ws, tree, call.params, call.labels_out, call.cluster_costs_out, progress, info);
    progress.report(CHEEGER_ISO_STAGE_LABELS, 1.0);
}

}  // namespace cheeger::iso
