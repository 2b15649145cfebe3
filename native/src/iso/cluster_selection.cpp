#include "iso/cluster_selection.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/message.hpp"

namespace cheeger::iso {

selection select_clusters(workspace& ws, const decision_tree& tree, std::int64_t k) {
    const std::int64_t n = tree.n;
    const std::uint8_t* good = ws.good.data();
    const std::uint8_t* joined = ws.joined.data();
    const std::int32_t* rep = ws.representative.data();
    double* boundary = ws.set_boundary.data();
    double* weight = ws.set_weight.data();
    for (std::int64_t v = 0; v < n; ++v) {
        boundary[v] = good[v] != 0 ? tree.parent_flow[v] : 0.0;
        weight[v] = 0.0;
    }
    for (std::int64_t u = 0; u < n; ++u) {
        const std::int32_t top = rep[u];
        if (good[top] == 0) continue;
        double local = tree.potential[u];
        const std::int32_t p = ws.position_of[static_cast<std::size_t>(u)];
        for (std::int32_t c = tree.child_start[p]; c < tree.child_start[p + 1]; ++c) {
            const std::int32_t child = tree.vertex_at[c];
            if (joined[child] == 0) local += tree.parent_flow[child];  // a child outside the set: boundary edge
        }
        boundary[top] += local;
        weight[top] += tree.vertex_weight[u];
    }

    std::int32_t* tops = ws.tops.data();
    std::int64_t closed = 0;
    for (std::int64_t v = 0; v < n; ++v) {
        if (good[v] != 0) {
            tops[closed++] = static_cast<std::int32_t>(v);
            boundary[v] /= weight[v];  // boundary[top] now holds the set's cost
        }
    }
    if (closed < k) {
        throw error(CHEEGER_STATUS_INTERNAL_ERROR,
                    message("the final decision found ", closed, " sets; ", k, " are needed"));
    }
    // Stable by cost keeps increasing top index among equal costs; the kept tops are then numbered by index.
    std::stable_sort(tops, tops + closed, [&](std::int32_t a, std::int32_t b) { return boundary[a] < boundary[b]; });
    std::sort(tops, tops + k);

    std::fill_n(ws.selected.begin(), n, std::uint8_t{0});
    double* costs = weight;  // the weights are no longer needed; the costs in label order take their place
    double worst = 0.0;
    for (std::int64_t i = 0; i < k; ++i) {
        ws.selected[static_cast<std::size_t>(tops[i])] = 1;
        costs[i] = boundary[tops[i]];
        worst = i == 0 ? costs[i] : std::max(worst, costs[i]);
    }
    return selection{worst, costs};
}

std::int64_t scan_labels(workspace& ws, std::int64_t n, std::int32_t* labels_out) noexcept {
    std::int32_t* scan = ws.scan.data();
    const std::uint8_t* selected = ws.selected.data();
    std::int32_t running = 0;
    for (std::int64_t v = 0; v < n; ++v) {
        scan[v] = running;
        running += selected[v] != 0 ? 1 : 0;
    }
    std::int64_t outliers = 0;
    for (std::int64_t v = 0; v < n; ++v) {
        const std::int32_t top = ws.representative[static_cast<std::size_t>(v)];
        const bool clustered = selected[top] != 0;
        labels_out[v] = clustered ? scan[top] : -1;
        outliers += clustered ? 0 : 1;
    }
    return outliers;
}

}  // namespace cheeger::iso
