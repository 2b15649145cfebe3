// Boruvka's minimum spanning tree on the CPU (spec §6.1): the same rounds as the CUDA Boruvka, on the pool. It
// builds exactly Prim's tree (the strict edge order makes the MST unique) in O(log n) rounds of O(n^2 d) work each,
// so on the CPU it is slower than Prim by about that log factor; it is the CPU twin of the device algorithm, run by
// the tests and on request (CHEEGER_ISO_SPANNING_TREE_BORUVKA).
#pragma once

#include <cstdint>

#include "core/thread_pool.hpp"
#include "iso/boruvka_contraction.hpp"
#include "iso/iso_backend.hpp"

namespace cheeger::iso {

/// Writes parent, squared_length and order of `out` for the n x d points (n >= 1): Boruvka rounds until one
/// component is left, each vertex's least outgoing edge found by brute force, then Prim's order on the tree's
/// edges (prim_order_on_tree). Each round is reported to `progress`.
void boruvka_tree(thread_pool& pool, boruvka_components& ws, const double* points, std::int64_t n, std::int64_t d,
                  const tree_output& out, const progress_sink& progress);

}  // namespace cheeger::iso
