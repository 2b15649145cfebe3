#include "iso/nearest_fill_cpu.hpp"

#include <algorithm>
#include <cstring>

#include "core/buffer.hpp"
#include "iso/squared_distance.hpp"

namespace cheeger::iso {

namespace {

// The tree vertex (clustered position) nearest to x; ties to the smallest. Children are visited nearer box first,
// so the best d2 shrinks early and most boxes are skipped.
std::int32_t nearest(const kd_tree& tree, const double* x) noexcept {
    const std::int64_t d = tree.d;
    std::int32_t best = -1;
    double best_d2 = 0.0;
    // Skippable: every point of the node is farther than the best, or as far with a larger index.
    const auto cannot_win = [&](std::int64_t node, double bound) {
        return best >= 0 && (bound > best_d2 || (bound == best_d2 && tree.least_vertex[size_t(node)] > best));
    };
    // Depth-first with an explicit stack, the nearer child popped first (push_children).
    pending_node stack[search_stack_depth];
    int top = 0;
    stack[top++] = {0, box_lower_bound(x, tree.low.data(), tree.high.data(), d)};
    while (top > 0) {
        const pending_node item = stack[--top];
        if (cannot_win(item.node, item.lower_bound)) continue;
        const std::int32_t left = tree.first_child[size_t(item.node)];
        if (left < 0) {
            for (std::int32_t p = tree.begin[size_t(item.node)]; p < tree.end[size_t(item.node)]; ++p) {
                const double d2 = squared_distance(x, tree.coordinates.data() + std::int64_t{p} * d, d);
                const std::int32_t v = tree.vertex_at[size_t(p)];
                if (best < 0 || d2 < best_d2 || (d2 == best_d2 && v < best)) {
                    best = v;
                    best_d2 = d2;
                }
            }
            continue;
        }
        push_children(tree, x, d, left, stack, top);
    }
    return best;
}

}  // namespace

void nearest_fill(thread_pool& pool, nearest_fill_workspace& ws, const double* points, std::int64_t n,
                  std::int64_t d, const std::int32_t* labels, std::int32_t* full_out) {
    std::int64_t outliers = 0;
    for (std::int64_t v = 0; v < n; ++v) outliers += labels[v] < 0 ? 1 : 0;
    std::memcpy(full_out, labels, static_cast<std::size_t>(n) * sizeof(std::int32_t));
    if (outliers == 0) return;
    const std::int64_t m = n - outliers;

    grow_buffer(ws.outliers, outliers, "the outlier list");
    grow_buffer(ws.clustered, m, "the clustered point list");
    grow_buffer(ws.rows, m * d, "the clustered point rows");
    std::int64_t o = 0, c = 0;
    for (std::int64_t v = 0; v < n; ++v) {
        if (labels[v] < 0) {
            ws.outliers[static_cast<std::size_t>(o++)] = static_cast<std::int32_t>(v);
        } else {
            std::copy_n(points + v * d, d, ws.rows.data() + c * d);
            ws.clustered[static_cast<std::size_t>(c++)] = static_cast<std::int32_t>(v);
        }
    }
    build_kd_tree(pool, ws.tree, ws.rows.data(), m, d);

    // Tasks of a few outliers each; every task writes only its own outliers' labels.
    constexpr std::int64_t per_task = 32;
    const std::int64_t tasks = (outliers + per_task - 1) / per_task;
    const auto fill = [&](std::int64_t task, int /*participant*/) {
        const std::int64_t end = std::min(outliers, (task + 1) * per_task);
        for (std::int64_t k = task * per_task; k < end; ++k) {
            const std::int32_t v = ws.outliers[static_cast<std::size_t>(k)];
            const std::int32_t at = nearest(ws.tree, points + std::int64_t{v} * d);
            full_out[v] = labels[ws.clustered[static_cast<std::size_t>(at)]];
        }
    };
    if (tasks == 1) {
        fill(0, 0);  // a handful of outliers: not worth waking the pool
    } else {
        pool.parallel_for(tasks, fill);
    }
}

}  // namespace cheeger::iso
