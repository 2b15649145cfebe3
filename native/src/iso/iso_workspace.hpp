// The host buffers of the isoperimetric pipeline, owned by the context and reused across calls (they only grow),
// so repeated calls of the same size allocate nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "cheeger.h"

namespace cheeger::iso {

struct workspace {
    std::vector<double> standardized;        // n x d z-scored points (when asked for)
    // The spanning tree (by vertex).
    std::vector<std::int32_t> parent;
    std::vector<std::int32_t> order;
    std::vector<std::int32_t> depth;
    std::vector<std::int32_t> sibling_rank;
    std::vector<double> squared_length;
    std::vector<double> length;
    // The graph model (by vertex).
    std::vector<double> parent_flow;
    std::vector<double> vertex_weight;
    std::vector<double> potential;
    // The decision layout: breadth-first positions, children ranges, levels, vertex functions by position.
    std::vector<std::int32_t> child_count;   // scratch: children per vertex
    std::vector<std::int32_t> vertex_child_start;  // n + 1: children of vertex v in sibling order are
    std::vector<std::int32_t> vertex_children;     //        vertex_children[vertex_child_start[v] ..]
    std::vector<std::int32_t> position_of;   // position of each vertex
    std::vector<std::int32_t> vertex_at;
    std::vector<std::int32_t> parent_at;
    std::vector<std::int32_t> child_start;   // n + 1
    std::vector<std::int32_t> level_start;   // max_depth + 2 used (n + 1 held)
    std::vector<double> flow_at;
    std::vector<double> weight_at;
    std::vector<double> potential_at;
    // The search, the final decision and the selection (by vertex).
    std::vector<double> singleton_cost;
    std::vector<cheeger_iso_probe> probes;
    std::vector<double> value;
    std::vector<std::uint8_t> good;
    std::vector<std::uint8_t> joined;
    std::vector<std::int32_t> representative;
    std::vector<double> set_boundary;
    std::vector<double> set_weight;
    std::vector<std::int32_t> tops;          // closed-set tops, then the kept ones
    std::vector<std::uint8_t> selected;
    std::vector<std::int32_t> scan;

    /// Grows the per-vertex buffers for n vertices of d coordinates (d = 0: no points, a given tree).
    void prepare(std::int64_t n, std::int64_t d, bool standardize);
};

}  // namespace cheeger::iso
