#include "iso/boruvka_cpu.hpp"

#include <algorithm>

#include "iso/edge_order.hpp"
#include "iso/squared_distance.hpp"

// A round: every vertex finds its least edge to another component by looking at every other vertex (in parallel,
// vertices in blocks); merge_components (boruvka_contraction) does the rest of the round.

namespace cheeger::iso {

namespace {

constexpr std::int64_t vertices_per_task = 64;

// Least edge (v, u) with u in another component, under the edge order; other = -1 when there is none.
void least_outgoing_edges(thread_pool& pool, boruvka_components& ws, const double* points, std::int64_t n,
                          std::int64_t d) {
    const std::int32_t* component = ws.component.data();
    double* best_length = ws.best_length.data();
    std::int32_t* best_other = ws.best_other.data();
    const std::int64_t tasks = (n + vertices_per_task - 1) / vertices_per_task;
    pool.parallel_for(tasks, [&](std::int64_t task, int) {
        const std::int64_t end = std::min(n, (task + 1) * vertices_per_task);
        for (std::int64_t v = task * vertices_per_task; v < end; ++v) {
            const auto vertex = static_cast<std::int32_t>(v);
            double length = 0.0;
            std::int32_t other = -1;
            for (std::int64_t u = 0; u < n; ++u) {
                if (component[u] == component[v]) continue;
                const double d2 = squared_distance(points + v * d, points + u * d, d);
                const auto candidate = static_cast<std::int32_t>(u);
                if (other < 0 || edge_precedes(d2, vertex, candidate, length, vertex, other)) {
                    length = d2;
                    other = candidate;
                }
            }
            best_length[v] = length;
            best_other[v] = other;
        }
    });
}

}  // namespace

void boruvka_tree(thread_pool& pool, boruvka_components& ws, const double* points, std::int64_t n, std::int64_t d,
                  const tree_output& out, const progress_sink& progress) {
    start_components(ws, n);
    std::int64_t components = n;
    while (components > 1) {
        least_outgoing_edges(pool, ws, points, n, d);
        components = merge_components(ws, n, components);
        progress.spanning_tree_round(components, n);
    }
    prim_order_on_tree(n, ws.edges, out);
}

}  // namespace cheeger::iso
