// cheeger_iso_run / cheeger_iso_partition calls with their outputs, for tests.
#pragma once

#include <cstdint>
#include <vector>

#include "cheeger.h"

namespace cheeger_test {

struct iso_outcome {
    cheeger_status status = CHEEGER_STATUS_INTERNAL_ERROR;
    std::vector<std::int32_t> labels;
    std::vector<std::int32_t> full_labels;
    std::vector<double> cluster_costs;
    std::vector<cheeger_iso_probe> probes;
    cheeger_iso_info info{};
    // The tree stages of a run.
    std::vector<std::int32_t> parent, depth, sibling_rank, order;
    std::vector<double> squared_edge_length, edge_length, parent_flow, vertex_weight, potential;
};

/// The library's defaults with the given k.
inline cheeger_iso_params iso_params(std::int32_t k) {
    cheeger_iso_params params{};
    cheeger_iso_params_default(&params);
    params.k = k;
    return params;
}

/// Runs the pipeline on n x d points with every output requested.
inline iso_outcome run_iso(cheeger_context context, const std::vector<double>& points, std::int64_t d,
                           const cheeger_iso_params& params) {
    const auto n = static_cast<std::int64_t>(points.size()) / d;
    const auto size = static_cast<std::size_t>(n);
    iso_outcome o;
    o.labels.assign(size, -7);
    o.full_labels.assign(size, -7);
    o.cluster_costs.assign(static_cast<std::size_t>(params.k > 0 ? params.k : 0), -7.0);
    o.probes.assign(400, cheeger_iso_probe{-1.0, -1});
    o.parent.assign(size, -7);
    o.depth.assign(size, -7);
    o.sibling_rank.assign(size, -7);
    o.order.assign(size, -7);
    o.squared_edge_length.assign(size, -7.0);
    o.edge_length.assign(size, -7.0);
    o.parent_flow.assign(size, -7.0);
    o.vertex_weight.assign(size, -7.0);
    o.potential.assign(size, -7.0);
    cheeger_iso_tree tree{o.parent.data(),     o.depth.data(),         o.sibling_rank.data(),
                          o.order.data(),      o.squared_edge_length.data(), o.edge_length.data(),
                          o.parent_flow.data(), o.vertex_weight.data(), o.potential.data()};
    o.status = cheeger_iso_run(context, points.data(), n, d, &params, o.labels.data(), o.full_labels.data(),
                               o.cluster_costs.data(), o.probes.data(), static_cast<std::int32_t>(o.probes.size()),
                               &tree, &o.info);
    if (o.status == CHEEGER_STATUS_OK) o.probes.resize(static_cast<std::size_t>(o.info.decisions));
    return o;
}

/// A weighted tree given by arrays, for cheeger_iso_partition.
struct iso_tree_input {
    std::vector<std::int32_t> parent;
    std::vector<double> parent_flow;
    std::vector<double> vertex_weight;
    std::vector<double> potential;
    std::vector<std::int32_t> sibling_rank;  // empty: NULL
    std::vector<std::int32_t> order;         // empty: NULL
};

inline iso_outcome partition_iso(cheeger_context context, const iso_tree_input& tree, const cheeger_iso_params& params) {
    const auto n = static_cast<std::int64_t>(tree.parent.size());
    iso_outcome o;
    o.labels.assign(tree.parent.size(), -7);
    o.cluster_costs.assign(static_cast<std::size_t>(params.k > 0 ? params.k : 0), -7.0);
    o.status = cheeger_iso_partition(context, n, tree.parent.data(), tree.parent_flow.data(),
                                     tree.vertex_weight.data(), tree.potential.data(),
                                     tree.sibling_rank.empty() ? nullptr : tree.sibling_rank.data(),
                                     tree.order.empty() ? nullptr : tree.order.data(), &params, o.labels.data(),
                                     o.cluster_costs.data(), &o.info);
    return o;
}

}  // namespace cheeger_test
