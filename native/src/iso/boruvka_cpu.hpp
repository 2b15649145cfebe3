// Boruvka's minimum spanning tree on the CPU (spec §6.1): the same rounds as the CUDA Boruvka, on the pool. It
// builds exactly Prim's tree (the strict edge order makes the MST unique) in O(log n) rounds of O(n^2 d) work each,
// so on the CPU it is slower than Prim by about that log factor; it is the CPU twin of the device algorithm, run by
// the tests and on request (CHEEGER_ISO_SPANNING_TREE_BORUVKA).
#pragma once

#include <cstdint>
#include <vector>

#include "core/thread_pool.hpp"
#include "iso/iso_backend.hpp"
#include "iso/prim_order_on_tree.hpp"

namespace cheeger::iso {

/// The buffers of the CPU Boruvka, reused across calls (they only grow).
struct boruvka_workspace {
    std::vector<std::int32_t> component;     // n: the component (its root vertex) of each vertex
    std::vector<double> best_length;         // n: d2 of each vertex's least edge out of its component
    std::vector<std::int32_t> best_other;    // n: that edge's other end, -1 when none
    std::vector<std::int32_t> component_best;  // n, by root: the vertex whose edge is the component's least
    std::vector<std::int32_t> hooked_to;     // n, by root: the component it joins this round (itself: none)
    tree_edges edges;
};

/// Writes parent, squared_length and order of `out` for the n x d points (n >= 1): Boruvka rounds until one
/// component is left, then Prim's order on the tree's edges (prim_order_on_tree).
void boruvka_tree(thread_pool& pool, boruvka_workspace& ws, const double* points, std::int64_t n, std::int64_t d,
                  const tree_output& out);

}  // namespace cheeger::iso
