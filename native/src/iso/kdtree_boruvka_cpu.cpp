#include "iso/kdtree_boruvka_cpu.hpp"

#include <algorithm>
#include <limits>
#include <type_traits>

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

// The length of every vertex's list of nearest neighbours, computed once: most vertices find their least edge out
// of a small component in it, without a search (measured on uniform points, n = 1e5 to 1e6: 4 and 8 cost about the same, 16 more).
constexpr int neighbour_count = 8;
constexpr double unbounded = std::numeric_limits<double>::infinity();

template <std::int64_t D>
using fixed_dimension = std::integral_constant<std::int64_t, D>;

void lower_to(std::atomic<double>& bound, double value) noexcept {
    double current = bound.load(std::memory_order_relaxed);
    while (value < current && !bound.compare_exchange_weak(current, value, std::memory_order_relaxed)) {
    }
}

// The "all one component" node labels, for this round's components.
void label_nodes(kdtree_boruvka_workspace& ws) {
    const kd_tree& tree = ws.tree;
    const std::int32_t* component = ws.components.component.data();
    for (std::int64_t node = tree.nodes() - 1; node >= 0; --node) {
        const std::int32_t child = tree.first_child[size_t(node)];
        std::int32_t label;
        if (child < 0) {
            const std::int32_t first = tree.begin[size_t(node)], last = tree.end[size_t(node)];
            label = component[first];
            for (std::int32_t p = first + 1; p < last && label >= 0; ++p) {
                if (component[p] != label) label = -1;
            }
        } else {
            const std::int32_t left = ws.node_component[size_t(child)], right = ws.node_component[size_t(child) + 1];
            label = left == right ? left : -1;
        }
        ws.node_component[size_t(node)] = label;
    }
}

// The least outgoing edge of the vertex at tree position `position` (see the comment at the top). Positions are
// the ids of the round's arrays; the vertex indices enter only the tie-break of equal d2. `Dimension` fixes d at
// compile time for the small d where the loops over it dominate.
template <class Dimension>
void search_from(kdtree_boruvka_workspace& ws, std::int64_t position, Dimension d) {
    const kd_tree& tree = ws.tree;
    const std::int32_t* component_at = ws.components.component.data();
    const std::int32_t* vertex_at = tree.vertex_at.data();
    const std::int32_t vertex = vertex_at[position];
    const std::int32_t component = component_at[position];
    const double* q = tree.coordinates.data() + position * d;
    std::atomic<double>& shared = ws.component_bound[size_t(component)];
    double best = unbounded;
    std::int32_t other = -1;         // the best's position
    std::int32_t other_vertex = -1;  // and its vertex
    bool cut = false;
    double least_cut = unbounded;  // the least lower bound of a node skipped for the shared bound alone

    // True when no point of `node` (lower bound `bound`) can beat the search's best; sets `cut` when only the
    // component's shared bound says so.
    const auto skipped = [&](std::int32_t node, double bound) {
        if (ws.node_component[size_t(node)] == component) return true;
        if (other >= 0 && (bound > best || (bound == best && tree.least_vertex[size_t(node)] > other_vertex))) {
            return true;
        }
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
            push_children(tree, q, d, child, stack, top);
            continue;
        }
        const std::int32_t before = other;
        for (std::int32_t p = tree.begin[size_t(at.node)]; p < tree.end[size_t(at.node)]; ++p) {
            if (component_at[p] == component) continue;
            const double d2 = squared_distance(q, tree.coordinates.data() + std::int64_t{p} * d, d);
            if (d2 > best) continue;
            const std::int32_t u = vertex_at[p];
            if (other < 0 || edge_precedes(d2, vertex, u, best, vertex, other_vertex)) {
                best = d2;
                other = p;
                other_vertex = u;
            }
        }
        if (other != before) lower_to(shared, best);
    }
    ws.components.best_length[size_t(position)] = best;
    ws.components.best_other[size_t(position)] = other;
    ws.exact[size_t(position)] = other >= 0 && !cut ? 1 : 0;
    // Every vertex outside the component lies in a searched leaf (at least `best` away) or in a skipped node:
    // those skipped for v's own best are no nearer than `best` either, the others no nearer than least_cut.
    double& least = ws.least_length[size_t(position)];
    least = std::max(least, std::min(best, least_cut));
}

// The neighbour_count nearest other points of the point at `position` (in `leaf`) under the order (d2, vertex),
// nearest first, as positions into `list` (-1 past the end when there are fewer other points). The same pruning
// as search_from with the list's last entry as the bound, so the list is exact under rounding and ties alike,
// and it is the same whatever order the points are met in (the order is strict). The search starts at the
// point's own leaf and climbs: at each ancestor only the sibling is left to search, so the path from the root
// costs one box bound per level rather than two and a stack round trip.
template <class Dimension>
void nearest_neighbours(const kd_tree& tree, const std::int32_t* node_parent, std::int32_t leaf,
                        std::int64_t position, Dimension d, std::int32_t* list) {
    const std::int32_t* vertex_at = tree.vertex_at.data();
    const double* q = tree.coordinates.data() + position * d;
    double length[neighbour_count];
    std::int32_t vertex[neighbour_count];
    int found = 0;
    const auto beaten_by_list = [&](double bound, std::int32_t least_vertex) {
        return found == neighbour_count && (bound > length[neighbour_count - 1] ||
                                            (bound == length[neighbour_count - 1] && least_vertex > vertex[neighbour_count - 1]));
    };
    const auto scan_leaf = [&](std::int32_t node) {
        for (std::int32_t p = tree.begin[size_t(node)]; p < tree.end[size_t(node)]; ++p) {
            if (p == position) continue;
            const double d2 = squared_distance(q, tree.coordinates.data() + std::int64_t{p} * d, d);
            const std::int32_t u = vertex_at[p];
            if (beaten_by_list(d2, u)) continue;  // equal (d2, u) cannot occur: u is not in the list yet
            // Insert (d2, u) in order, dropping the last entry when the list is full.
            int i = found < neighbour_count ? found++ : neighbour_count - 1;
            while (i > 0 && (d2 < length[i - 1] || (d2 == length[i - 1] && u < vertex[i - 1]))) {
                length[i] = length[i - 1];
                vertex[i] = vertex[i - 1];
                list[i] = list[i - 1];
                --i;
            }
            length[i] = d2;
            vertex[i] = u;
            list[i] = p;
        }
    };

    scan_leaf(leaf);
    pending_node stack[search_stack_depth];
    for (std::int32_t node = leaf; node != 0; node = node_parent[node]) {
        const std::int32_t left = tree.first_child[size_t(node_parent[node])];
        const std::int32_t sibling = node == left ? left + 1 : left;
        int top = 0;
        stack[top++] = {sibling, box_lower_bound(q, tree.low.data() + std::int64_t{sibling} * d,
                                                 tree.high.data() + std::int64_t{sibling} * d, d)};
        while (top > 0) {
            const pending_node at = stack[--top];
            if (beaten_by_list(at.lower_bound, tree.least_vertex[size_t(at.node)])) continue;
            const std::int32_t child = tree.first_child[size_t(at.node)];
            if (child >= 0) {
                push_children(tree, q, d, child, stack, top);
            } else {
                scan_leaf(at.node);
            }
        }
    }
    for (int i = found; i < neighbour_count; ++i) list[i] = -1;
}

// Every vertex's neighbour list, on the pool, leaf by leaf.
template <class Dimension>
void neighbour_lists(thread_pool& pool, kdtree_boruvka_workspace& ws, Dimension d) {
    const kd_tree& tree = ws.tree;
    ws.node_parent.resize(size_t(tree.nodes()));
    ws.leaves.clear();
    ws.node_parent[0] = -1;
    for (std::int64_t node = 0; node < tree.nodes(); ++node) {
        const std::int32_t child = tree.first_child[size_t(node)];
        if (child < 0) {
            ws.leaves.push_back(static_cast<std::int32_t>(node));
        } else {
            ws.node_parent[size_t(child)] = ws.node_parent[size_t(child) + 1] = static_cast<std::int32_t>(node);
        }
    }
    const auto leaves = static_cast<std::int64_t>(ws.leaves.size());
    constexpr std::int64_t leaves_per_task = 16;
    pool.parallel_for((leaves + leaves_per_task - 1) / leaves_per_task, [&](std::int64_t task, int) {
        const std::int64_t end = std::min(leaves, (task + 1) * leaves_per_task);
        for (std::int64_t l = task * leaves_per_task; l < end; ++l) {
            const std::int32_t leaf = ws.leaves[size_t(l)];
            for (std::int64_t p = tree.begin[size_t(leaf)]; p < tree.end[size_t(leaf)]; ++p) {
                nearest_neighbours(tree, ws.node_parent.data(), leaf, p, d, ws.neighbours.get() + p * neighbour_count);
            }
        }
    });
}

// One round's searches (see kdtree_boruvka_tree), with d fixed by `Dimension`.
template <class Dimension>
void search_round(thread_pool& pool, kdtree_boruvka_workspace& ws, std::int64_t n, Dimension d) {
    const boruvka_components& c = ws.components;
    const std::int64_t tasks = (n + positions_per_task - 1) / positions_per_task;
    pool.parallel_for(tasks, [&](std::int64_t task, int) {
        const std::int64_t end = std::min(n, (task + 1) * positions_per_task);
        for (std::int64_t p = task * positions_per_task; p < end; ++p) {
            if (ws.exact[size_t(p)] != 0) continue;
            const std::atomic<double>& bound = ws.component_bound[size_t(c.component[size_t(p)])];
            if (ws.least_length[size_t(p)] > bound.load(std::memory_order_relaxed)) {
                // It cannot be the component's least edge, nor tie it.
                ws.components.best_other[size_t(p)] = -1;
                continue;
            }
            search_from(ws, p, d);
        }
    });
}

// Calls step(d as a compile-time constant) for d up to 8, else step(d).
template <class Step>
void with_fixed_dimension(std::int64_t d, Step&& step) {
    switch (d) {
        case 1: return step(fixed_dimension<1>{});
        case 2: return step(fixed_dimension<2>{});
        case 3: return step(fixed_dimension<3>{});
        case 4: return step(fixed_dimension<4>{});
        case 5: return step(fixed_dimension<5>{});
        case 6: return step(fixed_dimension<6>{});
        case 7: return step(fixed_dimension<7>{});
        case 8: return step(fixed_dimension<8>{});
        default: return step(d);
    }
}

// The round's reports that need no search: a cached least edge whose far end is still outside, else the first
// neighbour outside the component (the least outgoing edge: the list holds the vertex's nearest under the edge
// order). Each lowers its component's bound before any search starts. A vertex whose whole list is inside learns
// that its least outgoing d2 is at least its last neighbour's.
void reports_without_search(thread_pool& pool, kdtree_boruvka_workspace& ws, std::int64_t n) {
    boruvka_components& c = ws.components;
    const kd_tree& tree = ws.tree;
    const std::int64_t d = tree.d;
    const std::int64_t tasks = (n + positions_per_task - 1) / positions_per_task;
    pool.parallel_for(tasks, [&](std::int64_t task, int) {
        const std::int64_t end = std::min(n, (task + 1) * positions_per_task);
        for (std::int64_t p = task * positions_per_task; p < end; ++p) {
            const std::int32_t component = c.component[size_t(p)];
            std::atomic<double>& bound = ws.component_bound[size_t(component)];
            if (ws.exact[size_t(p)] != 0 && c.component[size_t(c.best_other[size_t(p)])] != component) {
                lower_to(bound, c.best_length[size_t(p)]);
                continue;
            }
            ws.exact[size_t(p)] = 0;
            // Entries found inside stay inside (components only grow): the scan resumes where it stopped.
            const std::int32_t* list = ws.neighbours.get() + p * neighbour_count;
            std::uint8_t& from = ws.list_from[size_t(p)];
            if (from == neighbour_count) continue;
            std::int64_t i = from;
            while (i < neighbour_count && list[i] >= 0 && c.component[size_t(list[i])] == component) ++i;
            const double* q = tree.coordinates.data() + p * d;
            if (i < neighbour_count && list[i] >= 0) {
                const double d2 = squared_distance(q, tree.coordinates.data() + std::int64_t{list[i]} * d, d);
                c.best_length[size_t(p)] = d2;
                c.best_other[size_t(p)] = list[i];
                ws.exact[size_t(p)] = 1;
                lower_to(bound, d2);
            } else if (i == neighbour_count) {
                const double last = squared_distance(q, tree.coordinates.data() + std::int64_t{list[i - 1]} * d, d);
                double& least = ws.least_length[size_t(p)];
                least = std::max(least, last);
            }
            from = static_cast<std::uint8_t>(i);
        }
    });
}

}  // namespace

void kdtree_boruvka_tree(thread_pool& pool, kdtree_boruvka_workspace& ws, const double* points, std::int64_t n,
                         std::int64_t d, const tree_output& out, const progress_sink& progress) {
    build_kd_tree(pool, ws.tree, points, n, d);
    // The rounds run in tree positions: a vertex's arrays sit beside those of its spatial neighbours.
    const vertex_numbering positions{ws.tree.vertex_at.data()};
    boruvka_components& c = ws.components;
    start_components(c, n);
    ws.node_component.resize(size_t(ws.tree.nodes()));
    ws.exact.assign(size_t(n), 0);
    ws.least_length.assign(size_t(n), 0.0);
    if (ws.bound_capacity < n) {
        ws.component_bound = std::make_unique<std::atomic<double>[]>(size_t(n));
        ws.bound_capacity = n;
    }

    // Not zeroed: every entry is written by neighbour_lists, whose threads then fault the pages in side by side
    // (32 MB at n = 1e6, zeroed on the calling thread alone before).
    if (ws.neighbour_capacity < n) {
        ws.neighbours.reset(new std::int32_t[size_t(n * neighbour_count)]);
        ws.neighbour_capacity = n;
    }
    ws.list_from.assign(size_t(n), 0);
    with_fixed_dimension(d, [&](auto dimension) { neighbour_lists(pool, ws, dimension); });

    std::int64_t components = n;
    while (components > 1) {
        label_nodes(ws);
        pool.parallel_for((n + positions_per_task - 1) / positions_per_task, [&](std::int64_t task, int) {
            const std::int64_t end = std::min(n, (task + 1) * positions_per_task);
            for (std::int64_t p = task * positions_per_task; p < end; ++p) {
                ws.component_bound[size_t(p)].store(unbounded, std::memory_order_relaxed);
            }
        });
        // First the reports that need no search, so that every component's bound is as low as they make it
        // before any search starts; then the searches, except from vertices whose least edge is known to be
        // longer.
        reports_without_search(pool, ws, n);
        with_fixed_dimension(d, [&](auto dimension) { search_round(pool, ws, n, dimension); });
        components = merge_components(pool, c, n, components, positions);
        progress.spanning_tree_round(components, n);
    }
    prim_order_on_tree(n, c.edges, out, positions);
}

}  // namespace cheeger::iso
