// The stages of isoperimetric tree clustering that a backend implements (docs/isoperimetric.md). The pipeline
// (iso_pipeline.cpp) is written once against this interface: it validates, z-scores, computes sigma, flows,
// weights and potentials (O(n) host work), runs the epsilon search, selects the k sets and numbers the labels;
// the backend supplies the heavy stages. The CPU implementation is cpu_stages (iso_cpu_stages.hpp); a CUDA
// implementation lives in native/src/cuda/ and is reached through cuda::make_iso_stages (cuda_backend.hpp).
//
// Contract for every implementation (what makes all backends give the same labels):
//  - all arrays crossing this interface are host memory, n entries unless stated, vertex ids int32;
//  - minimum_spanning_tree returns exactly the tree of spec §2.2: Prim from vertex 0 under the strict edge order
//    (d2, min, max), d2 summed in dimension order in double without FMA; `order` is Prim's insertion order
//    (a Boruvka implementation recovers it by Prim on the tree's own edges);
//  - count/decide return exactly the arrays of spec §4.2 (children added in sibling order, so the parallel
//    level/pull form of §6.3 equals the serial one bit for bit); no floating-point atomics;
//  - nearest_fill is spec §7.2 (ties to the smallest index);
//  - failures are thrown as cheeger::error (DEVICE_ERROR naming the call, OUT_OF_MEMORY naming the buffer).
#pragma once

#include <cstdint>

#include "cheeger.h"
#include "iso/iso_progress.hpp"

namespace cheeger::iso {

/// Prim's output, written by minimum_spanning_tree.
struct tree_output {
    std::int32_t* parent;           // -1 for the root (vertex 0)
    double* squared_length;         // d2(v, par v) as compared; 0 for the root
    std::int32_t* order;            // insertion order, order[0] = 0
};

/// The decision input of spec §4.1, fixed for a whole search (host arrays prepared by the pipeline).
/// Vertices are also numbered breadth first (children in sibling order): each level is then a contiguous range
/// of positions and each vertex's children are contiguous, which is what the level/pull form walks.
struct decision_tree {
    std::int64_t n;
    std::int32_t root;
    std::int32_t max_depth;
    const std::int32_t* parent;        // by vertex
    const double* parent_flow;         // by vertex; 0 at the root
    const double* vertex_weight;       // by vertex
    const double* potential;           // by vertex
    // Breadth-first numbering (by position p = 0..n-1):
    const std::int32_t* vertex_at;     // the vertex at position p
    const std::int32_t* parent_at;     // the position of its parent; -1 for the root
    const std::int32_t* child_start;   // n + 1 entries: children of p are positions [child_start[p], child_start[p+1])
    const std::int32_t* level_start;   // max_depth + 2 entries: level L is positions [level_start[L], level_start[L+1])
    const double* flow_at;             // parent_flow by position
    const double* weight_at;           // vertex_weight by position
    const double* potential_at;        // potential by position
};

/// A full decision (spec §4.2), by vertex.
struct decision_output {
    double* value;                     // val
    std::uint8_t* good;                // 1: top of a closed set
    std::uint8_t* joined;              // 1: joined to its parent's component
    std::int32_t* representative;      // rep: top of the component
};

/// The heavy stages. One instance serves one call at a time (the context's call mutex); buffers it keeps
/// between calls belong to it.
class stage_backend {
public:
    virtual ~stage_backend() = default;

    /// The backend that runs the stages (CHEEGER_BACKEND_CPU or CHEEGER_BACKEND_CUDA).
    [[nodiscard]] virtual cheeger_backend kind() const noexcept = 0;

    /// Spec §2.2/§6.1 on n x d finite points (n >= 1), built by `algorithm` (AUTO: the backend's choice by size).
    /// Writes parent, squared_length and order, the same whatever the algorithm; an infinite squared length
    /// (overflow) is written as it is (the pipeline reports it). Reports its rounds or steps to `progress`, on the
    /// calling thread (a backend may report none).
    virtual void minimum_spanning_tree(const double* points, std::int64_t n, std::int64_t d,
                                       cheeger_iso_spanning_tree algorithm, const tree_output& out,
                                       const progress_sink& progress) = 0;

    /// Spec §2.4 "graph": degree[v] = sum over u != v in increasing u of max(kernel(d(u, v)), 1e-300), with
    /// d2 summed in dimension order (kernel as in flow_of, iso_flow.hpp); 1 when n = 1.
    virtual void graph_degree(const double* points, std::int64_t n, std::int64_t d, cheeger_iso_kernel kernel,
                              double sigma, double* degree_out) = 0;

    /// Takes the tree that the following count/decide calls decide on (it stays valid until the next load).
    virtual void load_tree(const decision_tree& tree) = 0;

    /// F(epsilon): the number of closed sets of the maximum packing (strict: c < 0 instead of c <= 0).
    virtual std::int64_t count(double epsilon, bool strict) = 0;

    /// The full decision at epsilon; returns F(epsilon).
    virtual std::int64_t decide(double epsilon, bool strict, const decision_output& out) = 0;

    /// Spec §7.2: full_out[v] = labels[v] when >= 0, else the label of the nearest point with a label >= 0
    /// (d2 in dimension order, ties to the smallest index). At least one label is >= 0.
    virtual void nearest_fill(const double* points, std::int64_t n, std::int64_t d, const std::int32_t* labels,
                              std::int32_t* full_out) = 0;
};

}  // namespace cheeger::iso
