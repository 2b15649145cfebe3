// The bookkeeping half of a Boruvka round (spec §6.1), shared by the brute-force Boruvka (boruvka_cpu) and the
// kd-tree Boruvka (kdtree_boruvka_cpu): given each vertex's least edge out of its component, every component
// takes the least of its vertices' edges, hooks onto the component at the other end, and the components are
// relabelled to the roots of the hook forest. Only how the least edges are found differs between the two.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/thread_pool.hpp"

#include "iso/prim_order_on_tree.hpp"
#include "iso/vertex_numbering.hpp"

namespace cheeger::iso {

/// The components of a Boruvka run and the tree edges found so far (buffers reused across calls; they only grow).
struct boruvka_components {
    std::vector<std::int32_t> component;       // n: the component (its root) of each vertex
    std::vector<double> best_length;           // n: d2 of each vertex's least edge out of its component
    std::vector<std::int32_t> best_other;      // n: that edge's other end, -1 when the vertex reports none
    std::unique_ptr<std::atomic<std::int32_t>[]> component_best;  // n, by root: the vertex whose edge is the
                                                                  // component's least (taken concurrently)
    std::int64_t best_capacity = 0;
    std::vector<std::int32_t> hooked_to;       // n, by root: the component it joins this round (itself: none)
    std::vector<std::int64_t> block_hooks;     // by block of roots: the hooks it adds (then where they go)
    tree_edges edges;
};

/// n singleton components and no edges.
void start_components(boruvka_components& c, std::int64_t n);

/// One round's hooks from best_length/best_other (every component must have at least one vertex reporting an
/// edge; a vertex with best_other = -1 is skipped): adds the hooked edges to `edges`, relabels `component` and
/// returns the number of components left. Under the strict edge order every component's least edge is an MST
/// edge and the hooks form no cycle other than a mutual pair, of which the smaller root stays. Every array and
/// the edges are in `ids`; the edge order compares the vertices they stand for. Each step but the hook chains'
/// shortening runs on the pool; the result is the same for every thread count (the least edge of a component is
/// unique, and the edges are appended in root order).
std::int64_t merge_components(thread_pool& pool, boruvka_components& c, std::int64_t n, std::int64_t components,
                              vertex_numbering ids = {});

/// The same on the calling thread alone.
std::int64_t merge_components(boruvka_components& c, std::int64_t n, std::int64_t components,
                              vertex_numbering ids = {});

}  // namespace cheeger::iso
