#include "iso/tree_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/error.hpp"
#include "core/message.hpp"
#include "iso/iso_flow.hpp"

namespace cheeger::iso {

std::int32_t complete_tree(std::int64_t n, const std::int32_t* parent, const double* squared_length,
                           const std::int32_t* order, std::int32_t* depth, std::int32_t* sibling_rank,
                           double* length, std::int32_t* child_count) {
    std::fill_n(child_count, n, 0);
    depth[0] = 0;
    sibling_rank[0] = 0;
    length[0] = 0.0;
    std::int32_t max_depth = 0;
    for (std::int64_t t = 1; t < n; ++t) {
        const std::int32_t u = order[t];
        const std::int32_t p = parent[u];
        depth[u] = depth[p] + 1;
        max_depth = std::max(max_depth, depth[u]);
        sibling_rank[u] = child_count[p]++;
        if (!std::isfinite(squared_length[u])) {
            throw error(CHEEGER_STATUS_INVALID_ARGUMENT,
                        message("the squared distance between points ", p, " and ", u,
                                " overflows a double; rescale the data (for example with params->standardize = 1)"));
        }
        length[u] = std::sqrt(squared_length[u]);
    }
    return max_depth;
}

double tree_sigma(std::int64_t n, const std::int32_t* parent, const double* length, const cheeger_iso_params& params) {
    if (params.sigma > 0.0) return params.sigma;
    if (n == 1) return 1.0;
    double sum = 0.0;
    for (std::int64_t v = 0; v < n; ++v) {
        if (parent[v] >= 0) sum += length[v];
    }
    const double sigma = params.sigma_scale * (sum / static_cast<double>(n - 1));
    if (!std::isfinite(sigma)) {
        throw error(CHEEGER_STATUS_INVALID_ARGUMENT,
                    "sigma = sigma_scale x mean tree edge length overflows a double; rescale the data or set "
                    "params->sigma");
    }
    return sigma > 0.0 ? sigma : 1.0;
}

void parent_flows(std::int64_t n, const std::int32_t* parent, const double* squared_length,
                  cheeger_iso_kernel kernel, double sigma, double* parent_flow) noexcept {
    for (std::int64_t v = 0; v < n; ++v) {
        parent_flow[v] = parent[v] >= 0 ? flow_of(kernel, squared_length[v], sigma) : 0.0;
    }
}

void tree_degree(std::int64_t n, const std::int32_t* parent, const std::int32_t* order, const double* parent_flow,
                 double* weight) noexcept {
    if (n == 1) {
        weight[0] = 1.0;
        return;
    }
    std::memcpy(weight, parent_flow, static_cast<std::size_t>(n) * sizeof(double));
    for (std::int64_t t = 1; t < n; ++t) {
        const std::int32_t v = order[t];
        weight[parent[v]] += parent_flow[v];
    }
}

void potentials(std::int64_t n, const std::int32_t* parent, const double* parent_flow, double beta,
                double* potential) noexcept {
    if (beta == 0.0 || n == 1) {
        std::fill_n(potential, n, 0.0);
        return;
    }
    // The largest flow at v: its parent edge (0 for the root, which has a child when n > 1) or a child's.
    std::memcpy(potential, parent_flow, static_cast<std::size_t>(n) * sizeof(double));
    for (std::int64_t v = 0; v < n; ++v) {
        const std::int32_t p = parent[v];
        if (p >= 0) potential[p] = std::max(potential[p], parent_flow[v]);
    }
    for (std::int64_t v = 0; v < n; ++v) potential[v] = beta * (1.0 - potential[v]);
}

}  // namespace cheeger::iso
