// Prim's insertion order recovered from a spanning tree's own edges (spec §2.2): a backend that builds the tree
// another way (Boruvka) runs Prim from vertex 0 on the tree's n - 1 edges with a heap. Under the strict edge
// order the least edge leaving the grown set is always a tree edge, so parent, squared length and order come out
// exactly as Prim on the complete graph writes them.
#pragma once

#include <cstdint>
#include <vector>

#include "iso/iso_backend.hpp"
#include "iso/vertex_numbering.hpp"

namespace cheeger::iso {

/// The edges of a spanning tree of n vertices: n - 1 entries (a, b, d2) in any order.
struct tree_edges {
    std::vector<std::int32_t> a;
    std::vector<std::int32_t> b;
    std::vector<double> squared_length;
};

/// Writes parent, squared_length and order of `out` for the tree `edges` on n >= 1 vertices. Throws INTERNAL_ERROR
/// when the edges do not form a spanning tree (a wrong count, an endpoint out of range, or a vertex unreached).
/// The edges' ends are in `ids` (a permutation of the vertices); `out` is by vertex.
void prim_order_on_tree(std::int64_t n, const tree_edges& edges, const tree_output& out, vertex_numbering ids = {});

}  // namespace cheeger::iso
