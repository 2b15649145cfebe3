#include "iso/iso_validation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/require.hpp"
#include "core/require_finite.hpp"
#include "iso/iso_flow.hpp"

namespace cheeger::iso {

namespace {

void require_size(std::int64_t n, std::int64_t d) {
    require(n >= 1, "n = ", n, " must be at least 1");
    require(n <= max_points, "n = ", n, " exceeds the largest supported number of points (", max_points, ")");
    require(d >= 1, "d = ", d, " must be at least 1");
    constexpr std::int64_t max_values = std::numeric_limits<std::int64_t>::max() / std::int64_t{sizeof(double)};
    require(n <= max_values / d, "n * d = ", n, " * ", d, " overflows (at most ", max_values,
            " doubles are addressable)");
}

void require_spanning_tree(std::int32_t spanning_tree, const char* name) {
    require(spanning_tree == CHEEGER_ISO_SPANNING_TREE_AUTO || spanning_tree == CHEEGER_ISO_SPANNING_TREE_PRIM ||
                spanning_tree == CHEEGER_ISO_SPANNING_TREE_BORUVKA || spanning_tree == CHEEGER_ISO_SPANNING_TREE_KDTREE,
            name, " = ", spanning_tree,
            " is not a cheeger_iso_spanning_tree value (AUTO = 0, PRIM = 1, BORUVKA = 2, KDTREE = 3)");
}

void require_search(const cheeger_iso_params& p, std::int64_t n) {
    require(p.k >= 1, "params->k = ", p.k, " must be at least 1");
    require(p.k <= n, "params->k = ", p.k, " exceeds the number of points n = ", n);
    require(std::isfinite(p.search_tolerance) && p.search_tolerance > 0.0 && p.search_tolerance < 1.0,
            "params->search_tolerance = ", p.search_tolerance, " must lie in (0, 1)");
    require(p.max_search_steps >= 1, "params->max_search_steps = ", p.max_search_steps, " must be at least 1");
}

void require_model(const cheeger_iso_params& p) {
    require(p.kernel == CHEEGER_ISO_KERNEL_LAPLACE || p.kernel == CHEEGER_ISO_KERNEL_GAUSS ||
                p.kernel == CHEEGER_ISO_KERNEL_INVERSE,
            "params->kernel = ", p.kernel, " is not a cheeger_iso_kernel value (LAPLACE = 0, GAUSS = 1, INVERSE = 2)");
    require(p.weight == CHEEGER_ISO_WEIGHT_TREE || p.weight == CHEEGER_ISO_WEIGHT_UNIT ||
                p.weight == CHEEGER_ISO_WEIGHT_GRAPH,
            "params->weight = ", p.weight, " is not a cheeger_iso_weight value (TREE = 0, UNIT = 1, GRAPH = 2)");
    require(std::isfinite(p.sigma) && p.sigma >= 0.0, "params->sigma = ", p.sigma,
            " must be a positive finite number, or 0 to derive it from the tree");
    // exp(-d2 / sigma^2): a sigma whose square underflows to 0 or overflows gives 0/0 = NaN flows.
    require(p.kernel != CHEEGER_ISO_KERNEL_GAUSS || p.sigma == 0.0 || gauss_sigma_in_range(p.sigma), "params->sigma = ",
            p.sigma, " is out of range for the gauss kernel: sigma^2 must be a positive finite double (sigma between about "
                     "1e-154 and 1e154)");
    require(std::isfinite(p.sigma_scale) && p.sigma_scale > 0.0, "params->sigma_scale = ", p.sigma_scale,
            " must be a positive finite number");
    require(std::isfinite(p.beta) && p.beta >= 0.0, "params->beta = ", p.beta, " must be a finite number >= 0");
    require(p.standardize == 0 || p.standardize == 1, "params->standardize = ", p.standardize, " must be 0 or 1");
    require(p.full_labels == 0 || p.full_labels == 1, "params->full_labels = ", p.full_labels, " must be 0 or 1");
    require_spanning_tree(p.spanning_tree, "params->spanning_tree");
    require(p.reserved == 0, "params->reserved = ", p.reserved, " must be 0");
}

}  // namespace

run_request validate_run(const double* points, std::int64_t n, std::int64_t d, const cheeger_iso_params* params,
                         std::int32_t* labels_out, std::int32_t* full_labels_out, double* cluster_costs_out,
                         cheeger_iso_probe* probes_out, std::int32_t probes_capacity,
                         const cheeger_iso_tree* tree_out) {
    require_not_null(points, "points");
    require_not_null(params, "params");
    require_not_null(labels_out, "labels_out");
    require_size(n, d);
    const cheeger_iso_params& p = *params;
    require_search(p, n);
    require_model(p);
    if (p.full_labels == 1) {
        require(full_labels_out != nullptr, "full_labels_out is NULL but params->full_labels = 1 asks for it");
    }
    require(probes_capacity >= 0, "probes_capacity = ", probes_capacity, " must be >= 0");
    require(probes_capacity == 0 || probes_out != nullptr, "probes_out is NULL but probes_capacity = ",
            probes_capacity);
    require_finite(points, n, d, "points");

    run_request call{};
    call.points = points;
    call.n = n;
    call.d = d;
    call.params = p;
    call.labels_out = labels_out;
    call.full_labels_out = p.full_labels == 1 ? full_labels_out : nullptr;
    call.cluster_costs_out = cluster_costs_out;
    call.probes_out = probes_capacity > 0 ? probes_out : nullptr;
    call.probes_capacity = probes_capacity;
    if (tree_out != nullptr) call.tree_out = *tree_out;
    return call;
}

void validate_mst(const double* points, std::int64_t n, std::int64_t d, std::int32_t spanning_tree,
                  const std::int32_t* parent_out,
                  const double* squared_edge_length_out, const double* edge_length_out, const std::int32_t* depth_out,
                  const std::int32_t* sibling_rank_out, const std::int32_t* order_out) {
    require_not_null(points, "points");
    require_not_null(parent_out, "parent_out");
    require_not_null(squared_edge_length_out, "squared_edge_length_out");
    require_not_null(edge_length_out, "edge_length_out");
    require_not_null(depth_out, "depth_out");
    require_not_null(sibling_rank_out, "sibling_rank_out");
    require_not_null(order_out, "order_out");
    require_size(n, d);
    require_spanning_tree(spanning_tree, "spanning_tree");
    require_finite(points, n, d, "points");
}

partition_request validate_partition(std::int64_t n, const std::int32_t* parent, const double* parent_flow,
                                     const double* vertex_weight, const double* potential,
                                     const std::int32_t* sibling_rank, const std::int32_t* order,
                                     const cheeger_iso_params* params, std::int32_t* labels_out,
                                     double* cluster_costs_out) {
    require_not_null(parent, "parent");
    require_not_null(parent_flow, "parent_flow");
    require_not_null(vertex_weight, "vertex_weight");
    require_not_null(potential, "potential");
    require_not_null(params, "params");
    require_not_null(labels_out, "labels_out");
    require(n >= 1, "n = ", n, " must be at least 1");
    require(n <= max_points, "n = ", n, " exceeds the largest supported number of vertices (", max_points, ")");
    require_search(*params, n);

    std::int32_t root = -1;
    for (std::int64_t v = 0; v < n; ++v) {
        const std::int32_t p = parent[v];
        if (p == -1) {
            require(root < 0, "parent: vertices ", root, " and ", v, " both have no parent (-1); a tree has one root");
            root = static_cast<std::int32_t>(v);
        } else {
            require(p >= 0 && p < n && p != v, "parent[", v, "] = ", p, " is not a vertex other than ", v,
                    " (0..", n - 1, ", or -1 for the root)");
        }
    }
    require(root >= 0, "parent: no vertex is the root (parent -1)");
    for (std::int64_t v = 0; v < n; ++v) {
        if (v != root) {
            require(std::isfinite(parent_flow[v]) && parent_flow[v] > 0.0, "parent_flow[", v, "] = ", parent_flow[v],
                    " must be positive and finite");
        }
        require(std::isfinite(vertex_weight[v]) && vertex_weight[v] > 0.0, "vertex_weight[", v, "] = ",
                vertex_weight[v], " must be positive and finite");
        require(std::isfinite(potential[v]) && potential[v] >= 0.0, "potential[", v, "] = ", potential[v],
                " must be finite and >= 0");
    }
    require(parent_flow[root] == 0.0, "parent_flow[", root, "] = ", parent_flow[root],
            " must be 0: the root has no parent edge");

    partition_request call{};
    call.n = n;
    call.parent = parent;
    call.parent_flow = parent_flow;
    call.vertex_weight = vertex_weight;
    call.potential = potential;
    call.sibling_rank = sibling_rank;
    call.order = order;
    call.root = root;
    call.params = *params;
    call.labels_out = labels_out;
    call.cluster_costs_out = cluster_costs_out;
    return call;
}

void validate_partition_tree(const partition_request& call, std::int32_t* child_count, std::int32_t* start,
                             std::uint8_t* seen) {
    const std::int64_t n = call.n;
    std::fill_n(child_count, n, 0);
    for (std::int64_t v = 0; v < n; ++v) {
        if (v != call.root) ++child_count[call.parent[v]];
    }
    if (call.sibling_rank != nullptr) {
        // Ranks of each parent's children must be 0..count-1 without repeats: mark (parent, rank) slots, laid
        // out as the children ranges (an exclusive sum of the counts) in `seen`.
        std::fill_n(seen, n, std::uint8_t{0});
        std::int32_t running = 0;
        for (std::int64_t v = 0; v < n; ++v) {
            start[v] = running;
            running += child_count[v];
        }
        for (std::int64_t v = 0; v < n; ++v) {
            if (v == call.root) continue;
            const std::int32_t p = call.parent[v], r = call.sibling_rank[v];
            require(r >= 0 && r < child_count[p], "sibling_rank[", v, "] = ", r, ": the ranks of the ", child_count[p],
                    " children of vertex ", p, " must be 0..", child_count[p] - 1);
            std::uint8_t& slot = seen[start[p] + r];
            require(slot == 0, "sibling_rank[", v, "] = ", r, " repeats a rank among the children of vertex ", p);
            slot = 1;
        }
    }
    std::fill_n(seen, n, std::uint8_t{0});
    if (call.order != nullptr) {
        require(call.order[0] == call.root, "order[0] = ", call.order[0], " must be the root ", call.root);
        seen[call.root] = 1;
        for (std::int64_t t = 1; t < n; ++t) {
            const std::int32_t v = call.order[t];
            require(v >= 0 && v < n && seen[v] == 0 && v != call.root && seen[call.parent[v]] != 0, "order[", t,
                    "] = ", v, ": the order must list every vertex once, parents before children");
            seen[v] = 1;
        }
    } else {
        // Every vertex must reach the root through its parents (no cycle): walk up, marking verified vertices.
        seen[call.root] = 1;
        for (std::int64_t v = 0; v < n; ++v) {
            std::int64_t steps = 0;
            std::int64_t u = v;
            while (seen[u] == 0) {
                u = call.parent[u];
                require(++steps <= n, "parent: vertex ", v, " lies on a cycle and does not reach the root ", call.root);
            }
            for (u = v; seen[u] == 0; u = call.parent[u]) seen[u] = 1;
        }
    }
}

}  // namespace cheeger::iso
