#include "iso/kdtree_boruvka_cpu.hpp"

#include <algorithm>
#include <limits>

#include "iso/edge_order.hpp"
#include "iso/squared_distance.hpp"

// Why the least edges are exact. A vertex v's least outgoing edge, under the edge order, is the least (d2, u) over
// the vertices u outside its component (for a fixed v, (d2, min(v, u), max(v, u)) orders equal d2 by u). Its
// component C shares one bound, the least d2 any of C's vertices has found this round: an actual edge out of C,
// so never below the d2 of C's least outgoing edge e. A node is skipped only when its lower bound is strictly
// above that shared bound, or above v's own best (or equal to it with every index in the node larger), so the
// node holding e's far end is never skipped in the search from e's near end: that vertex reports e, and
// merge_components takes the least report of C, which is e. A vertex whose search skipped a node for the shared
// bound alone may report an edge worse than its own least (or none); that changes nothing above, but such a
// report is not cached. A report that was not cut that way is the vertex's true least outgoing edge, and stays
// so in later rounds while its far end is still outside the (growing) component: the set it is the least of
// only shrinks. Those vertices skip the search. For the same reason a lower bound on a vertex's least outgoing
// d2 holds in every later round (least_length: a search shows min(its report, the least bound of the nodes it
// skipped for the shared bound)); a vertex whose lower bound is strictly above its component's bound cannot
// report the component's least edge, nor tie it, and skips too.

namespace cheeger::iso {

namespace {

constexpr std::int64_t positions_per_task = 256;
constexpr double unbounded = std::numeric_limits<double>::infinity();

// Deep enough for any tree of int32 positions: a median split halves a range, so the depth is at most 32, and
// a depth-first search keeps at most one pending sibling per level plus the node it is in.
constexpr int search_stack_depth = 72;

struct pending_node {
    std::int32_t node;
    double lower_bound;
};

void lower_to(std::atomic<double>& bound, double value) noexcept {
    double current = bound.load(std::memory_order_relaxed);
    while (value < current && !bound.compare_exchange_weak(current, value, std::memory_order_relaxed)) {
    }
}

// component_at and the "all one component" node labels, for this round's components.
void label_nodes(kdtree_boruvka_workspace& ws) {
    const kd_tree& tree = ws.tree;
    const std::int32_t* component = ws.components.component.data();
    for (std::int64_t p = 0; p < tree.n; ++p) ws.component_at[size_t(p)] = component[size_t(tree.vertex_at[size_t(p)])];
    for (std::int64_t node = tree.nodes() - 1; node >= 0; --node) {
        const std::int32_t child = tree.first_child[size_t(node)];
        std::int32_t label;
        if (child < 0) {
            const std::int32_t first = tree.begin[size_t(node)], last = tree.end[size_t(node)];
            label = ws.component_at[size_t(first)];
            for (std::int32_t p = first + 1; p < last && label >= 0; ++p) {
                if (ws.component_at[size_t(p)] != label) label = -1;
            }
        } else {
            const std::int32_t left = ws.node_component[size_t(child)], right = ws.node_component[size_t(child) + 1];
            label = left == right ? left : -1;
        }
        ws.node_component[size_t(node)] = label;
    }
}

// The least outgoing edge of the vertex at tree position `position` (see the comment at the top).
void search_from(kdtree_boruvka_workspace& ws, std::int64_t position) {
    const kd_tree& tree = ws.tree;
    const std::int64_t d = tree.d;
    const std::int32_t vertex = tree.vertex_at[size_t(position)];
    const std::int32_t component = ws.component_at[size_t(position)];
    const double* q = tree.coordinates.data() + position * d;
    std::atomic<double>& shared = ws.component_bound[size_t(component)];
    double best = unbounded;
    std::int32_t other = -1;
    bool cut = false;
    double least_cut = unbounded;  // the least lower bound of a node skipped for the shared bound alone

    // True when no point of `node` (lower bound `bound`) can beat the search's best; sets `cut` when only the
    // component's shared bound says so.
    const auto skipped = [&](std::int32_t node, double bound) {
        if (ws.node_component[size_t(node)] == component) return true;
        if (other >= 0 && (bound > best || (bound == best && tree.least_vertex[size_t(node)] > other))) return true;
        if (bound > shared.load(std::memory_order_relaxed)) {
            cut = true;
            least_cut = std::min(least_cut, bound);
            return true;
        }
        return false;
    };

    pending_node stack[search_stack_depth];
    int top = 0;
    stack[top++] = {0, 0.0};
    while (top > 0) {
        const pending_node at = stack[--top];
        if (skipped(at.node, at.lower_bound)) continue;
        const std::int32_t child = tree.first_child[size_t(at.node)];
        if (child >= 0) {
            const double near_bound = box_lower_bound(q, tree.low.data() + std::int64_t{child} * d,
                                                      tree.high.data() + std::int64_t{child} * d, d);
            const double far_bound = box_lower_bound(q, tree.low.data() + std::int64_t{child + 1} * d,
                                                     tree.high.data() + std::int64_t{child + 1} * d, d);
            // The nearer child is searched first (pushed last), so the bound tightens before the farther one.
            const bool left_first = near_bound <= far_bound;
            stack[top++] = left_first ? pending_node{child + 1, far_bound} : pending_node{child, near_bound};
            stack[top++] = left_first ? pending_node{child, near_bound} : pending_node{child + 1, far_bound};
            continue;
        }
        const std::int32_t before = other;
        for (std::int32_t p = tree.begin[size_t(at.node)]; p < tree.end[size_t(at.node)]; ++p) {
            if (ws.component_at[size_t(p)] == component) continue;
            const double d2 = squared_distance(q, tree.coordinates.data() + std::int64_t{p} * d, d);
            if (d2 > best) continue;
            const std::int32_t u = tree.vertex_at[size_t(p)];
            if (other < 0 || edge_precedes(d2, vertex, u, best, vertex, other)) {
                best = d2;
                other = u;
            }
        }
        if (other != before) lower_to(shared, best);
    }
    ws.components.best_length[size_t(vertex)] = best;
    ws.components.best_other[size_t(vertex)] = other;
    ws.exact[size_t(position)] = other >= 0 && !cut ? 1 : 0;
    // Every vertex outside the component lies in a searched leaf (at least `best` away) or in a skipped node:
    // those skipped for v's own best are no nearer than `best` either, the others no nearer than least_cut.
    double& least = ws.least_length[size_t(position)];
    least = std::max(least, std::min(best, least_cut));
}

}  // namespace

void kdtree_boruvka_tree(thread_pool& pool, kdtree_boruvka_workspace& ws, const double* points, std::int64_t n,
                         std::int64_t d, const tree_output& out, const progress_sink& progress) {
    build_kd_tree(ws.tree, points, n, d);
    boruvka_components& c = ws.components;
    start_components(c, n);
    ws.component_at.resize(size_t(n));
    ws.node_component.resize(size_t(ws.tree.nodes()));
    ws.exact.assign(size_t(n), 0);
    ws.least_length.assign(size_t(n), 0.0);
    if (ws.bound_capacity < n) {
        ws.component_bound = std::make_unique<std::atomic<double>[]>(size_t(n));
        ws.bound_capacity = n;
    }

    std::int64_t components = n;
    while (components > 1) {
        label_nodes(ws);
        for (std::int64_t v = 0; v < n; ++v) ws.component_bound[size_t(v)].store(unbounded, std::memory_order_relaxed);
        const std::int64_t tasks = (n + positions_per_task - 1) / positions_per_task;
        // First the reports that still hold, so that every component's bound is as low as they make it before
        // any search starts; then the searches, except from vertices whose least edge is known to be longer.
        pool.parallel_for(tasks, [&](std::int64_t task, int) {
            const std::int64_t end = std::min(n, (task + 1) * positions_per_task);
            for (std::int64_t p = task * positions_per_task; p < end; ++p) {
                const std::int32_t v = ws.tree.vertex_at[size_t(p)];
                const std::int32_t component = ws.component_at[size_t(p)];
                if (ws.exact[size_t(p)] != 0 && c.component[size_t(c.best_other[size_t(v)])] != component) {
                    lower_to(ws.component_bound[size_t(component)], c.best_length[size_t(v)]);
                } else {
                    ws.exact[size_t(p)] = 0;
                }
            }
        });
        pool.parallel_for(tasks, [&](std::int64_t task, int) {
            const std::int64_t end = std::min(n, (task + 1) * positions_per_task);
            for (std::int64_t p = task * positions_per_task; p < end; ++p) {
                if (ws.exact[size_t(p)] != 0) continue;
                const std::atomic<double>& bound = ws.component_bound[size_t(ws.component_at[size_t(p)])];
                if (ws.least_length[size_t(p)] > bound.load(std::memory_order_relaxed)) {
                    // It cannot be the component's least edge, nor tie it.
                    c.best_other[size_t(ws.tree.vertex_at[size_t(p)])] = -1;
                    continue;
                }
                search_from(ws, p);
            }
        });
        components = merge_components(c, n, components);
        progress.spanning_tree_round(components, n);
    }
    prim_order_on_tree(n, c.edges, out);
}

}  // namespace cheeger::iso
