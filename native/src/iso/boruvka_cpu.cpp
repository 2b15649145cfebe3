#include "iso/boruvka_cpu.hpp"

#include <algorithm>

#include "iso/edge_order.hpp"
#include "iso/squared_distance.hpp"

// A round: (1) every vertex finds its least edge to another component (in parallel, vertices in blocks);
// (2) every component takes the least of its vertices' edges; (3) every component hooks onto the component at the
// other end of its edge, except that of two components that picked the same edge (they can only pick each other's
// when it is one edge: it is the least edge leaving either) the smaller stays; the hooked edges join the tree;
// (4) components are relabelled to the roots of the hook forest. Under the strict edge order every picked edge
// is an MST edge and the hooks form no other cycle, so the tree is exactly Prim's.

namespace cheeger::iso {

namespace {

constexpr std::int64_t vertices_per_task = 64;

// Least edge (v, u) with u in another component, under the edge order; other = -1 when there is none.
void least_outgoing_edges(thread_pool& pool, boruvka_workspace& ws, const double* points, std::int64_t n,
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

void boruvka_tree(thread_pool& pool, boruvka_workspace& ws, const double* points, std::int64_t n, std::int64_t d,
                  const tree_output& out) {
    const auto size = static_cast<std::size_t>(n);
    ws.component.resize(size);
    ws.best_length.resize(size);
    ws.best_other.resize(size);
    ws.component_best.resize(size);
    ws.hooked_to.resize(size);
    ws.edges.a.clear();
    ws.edges.b.clear();
    ws.edges.squared_length.clear();
    for (std::int64_t v = 0; v < n; ++v) ws.component[static_cast<std::size_t>(v)] = static_cast<std::int32_t>(v);

    std::int64_t components = n;
    while (components > 1) {
        least_outgoing_edges(pool, ws, points, n, d);

        // (2) The least edge of each component, over its vertices.
        std::fill(ws.component_best.begin(), ws.component_best.end(), -1);
        for (std::int64_t v = 0; v < n; ++v) {
            const auto vertex = static_cast<std::int32_t>(v);
            std::int32_t& best = ws.component_best[static_cast<std::size_t>(ws.component[size_t(v)])];
            if (best < 0 || edge_precedes(ws.best_length[size_t(v)], vertex, ws.best_other[size_t(v)],
                                          ws.best_length[size_t(best)], best, ws.best_other[size_t(best)])) {
                best = vertex;
            }
        }

        // (3) Hooks, and the tree edges they add.
        for (std::int64_t c = 0; c < n; ++c) {
            ws.hooked_to[size_t(c)] = static_cast<std::int32_t>(c);
            if (ws.component[size_t(c)] != c) continue;  // not a root
            const std::int32_t v = ws.component_best[size_t(c)];
            const std::int32_t u = ws.best_other[size_t(v)];
            const std::int32_t target = ws.component[size_t(u)];
            const std::int32_t target_best = ws.component_best[size_t(target)];
            const bool mutual = ws.component[size_t(ws.best_other[size_t(target_best)])] == c;
            if (mutual && c < target) continue;  // the pair's smaller root stays; the other adds the edge
            ws.hooked_to[size_t(c)] = target;
            ws.edges.a.push_back(v);
            ws.edges.b.push_back(u);
            ws.edges.squared_length.push_back(ws.best_length[size_t(v)]);
            --components;
        }

        // (4) Every vertex to the root of its component's hook chain (halving the chains as it goes).
        for (std::int64_t c = 0; c < n; ++c) {
            if (ws.component[size_t(c)] != c) continue;
            std::int32_t root = static_cast<std::int32_t>(c);
            while (ws.hooked_to[size_t(root)] != root) root = ws.hooked_to[size_t(root)];
            std::int32_t walk = static_cast<std::int32_t>(c);
            while (ws.hooked_to[size_t(walk)] != root && walk != root) {
                const std::int32_t next = ws.hooked_to[size_t(walk)];
                ws.hooked_to[size_t(walk)] = root;
                walk = next;
            }
        }
        for (std::int64_t v = 0; v < n; ++v) {
            std::int32_t& c = ws.component[size_t(v)];
            c = ws.hooked_to[size_t(c)];
        }
    }
    prim_order_on_tree(n, ws.edges, out);
}

}  // namespace cheeger::iso
