// Boruvka's minimum spanning tree over a kd-tree (spec §2.2, §6.1; CHEEGER_ISO_SPANNING_TREE_KDTREE): the exact
// tree of Prim, bit for bit, in about O(n log n) work for small d instead of Prim's O(n^2 d). Each round finds
// every vertex's least edge out of its component by a search of the kd-tree that skips (a) nodes whose points
// all lie in the querying component and (b) nodes whose box lower bound (box_lower_bound, never above a rounded
// d2) is strictly above the component's least d2 found so far; merge_components then hooks the components, and
// Prim's order comes from the tree's own edges (prim_order_on_tree).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/thread_pool.hpp"
#include "iso/boruvka_contraction.hpp"
#include "iso/iso_backend.hpp"
#include "iso/kd_tree.hpp"

namespace cheeger::iso {

/// The buffers of the kd-tree Boruvka, reused across calls (they only grow).
struct kdtree_boruvka_workspace {
    kd_tree tree;
    boruvka_components components;             // by tree position (ids: positions, see vertex_numbering)
    std::vector<std::int32_t> node_component;  // by node: the one component of all its points, -1 when mixed
    std::vector<std::uint8_t> exact;           // n, by tree position: best_other[p] is its true least outgoing edge
    // n x neighbour_count, by tree position: its nearest others' positions (allocated uninitialised).
    std::unique_ptr<std::int32_t[]> neighbours;
    std::int64_t neighbour_capacity = 0;
    std::vector<std::int32_t> node_parent;     // by node: its parent, -1 for the root
    std::vector<std::int32_t> leaves;          // the leaf nodes, in node order
    std::vector<std::uint8_t> list_from;       // n, by tree position: its first neighbour not known to be inside
    std::vector<double> least_length;          // n, by tree position: a lower bound on vertex_at[p]'s least
                                               // outgoing d2
    std::unique_ptr<std::atomic<double>[]> component_bound;  // n, by root: the least d2 found this round
    std::int64_t bound_capacity = 0;
};

/// Writes parent, squared_length and order of `out` for the n x d points (n >= 1). The same result for every
/// thread count: which thread searches which vertex only changes how much is pruned, never the least edges.
/// Each round is reported to `progress`.
void kdtree_boruvka_tree(thread_pool& pool, kdtree_boruvka_workspace& ws, const double* points, std::int64_t n,
                         std::int64_t d, const tree_output& out, const progress_sink& progress);

}  // namespace cheeger::iso
