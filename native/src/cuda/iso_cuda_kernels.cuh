// The device code of the CUDA isoperimetric stages (docs/gpu.md, "Native CUDA isoperimetric stages"):
//
//  prim_tree        Prim's algorithm (spec §2.2, §6.1) with the whole loop on the device: one persistent
//                   cooperative kernel, every thread owning a fixed set of vertices (grid stride). Step t: each
//                   thread updates its outside vertices' kept edges with the vertex that joined last (d2 computed
//                   on the fly from the structure-of-arrays points: matrix-free) and offers its least kept edge;
//                   each block reduces the offers under the strict edge order (d2, min, max) and writes one
//                   candidate; a grid barrier; then every block reduces the same candidates to the same next vertex
//                   (the order is total, so the least edge is unique and any reduction order finds it). The
//                   candidates are double-buffered by step parity, so one barrier per step suffices.
//  decide_levels    the decision of spec §4.2 in the level/pull form of §6.3: levels from the deepest up, a grid
//                   barrier between levels, one thread per vertex of the level pulling its children's
//                   contributions in sibling order (the serial summation order: the same bits); the closed sets
//                   are counted with one integer atomic per block. No floating-point atomics.
//  nearest_fill     spec §7.2: one thread per outlier, the labelled points in index order, strict compare (ties to
//                   the smallest index).
// Rounded intrinsics (__dsub_rn, __dmul_rn, __dadd_rn) keep every sum as the CPU computes it (no FMA).
#pragma once

#include <cstdint>

#include "cuda/grid_barrier.cuh"

namespace cheeger::cuda::iso_kernels {

inline constexpr int prim_threads = 256;
inline constexpr int decide_threads = 256;
inline constexpr int fill_threads = 128;

/// An edge (parent, vertex) of squared length key; vertex < 0: none.
struct edge_candidate {
    double key;
    std::int32_t parent;
    std::int32_t vertex;
};

/// The strict total order of spec §2.2 (edge_order.hpp): (d2, min, max) lexicographically.
__device__ __forceinline__ bool edge_precedes(double d2_first, std::int32_t a1, std::int32_t b1, double d2_second,
                                              std::int32_t a2, std::int32_t b2) {
    if (d2_first != d2_second) return d2_first < d2_second;
    const std::int32_t lo1 = a1 < b1 ? a1 : b1;
    const std::int32_t lo2 = a2 < b2 ? a2 : b2;
    if (lo1 != lo2) return lo1 < lo2;
    const std::int32_t hi1 = a1 < b1 ? b1 : a1;
    const std::int32_t hi2 = a2 < b2 ? b2 : a2;
    return hi1 < hi2;
}

/// `offer` replaces `best` when best is empty or offer precedes it.
__device__ __forceinline__ void keep_least(edge_candidate& best, const edge_candidate& offer) {
    if (offer.vertex < 0) return;
    if (best.vertex < 0 || edge_precedes(offer.key, offer.parent, offer.vertex, best.key, best.parent, best.vertex)) {
        best = offer;
    }
}

/// The least of the block's candidates (every thread passes one; every thread gets the result). `scratch` holds
/// blockDim.x candidates.
__device__ __forceinline__ edge_candidate block_least(edge_candidate mine, edge_candidate* scratch) {
    const unsigned tid = threadIdx.x;
    scratch[tid] = mine;
    __syncthreads();
    for (unsigned half = blockDim.x / 2; half > 0; half /= 2) {
        if (tid < half) {
            edge_candidate kept = scratch[tid];
            keep_least(kept, scratch[tid + half]);
            scratch[tid] = kept;
        }
        __syncthreads();
    }
    const edge_candidate least = scratch[0];
    __syncthreads();  // scratch may be reused at once
    return least;
}

/// d2(u, v) in dimension order (structure-of-arrays points: x_j of vertex i at j * n + i).
__device__ __forceinline__ double squared_distance(const double* points, std::int64_t n, std::int64_t d,
                                                   std::int64_t u, std::int64_t v) {
    double sum = 0.0;
    for (std::int64_t j = 0; j < d; ++j) {
        const double diff = __dsub_rn(points[j * n + u], points[j * n + v]);
        sum = __dadd_rn(sum, __dmul_rn(diff, diff));
    }
    return sum;
}

struct prim_args {
    const double* points;            // n x d, structure of arrays
    std::int64_t n;
    std::int64_t d;
    double* key;                     // n: the kept edge's squared length (outside vertices)
    std::int32_t* kept_parent;       // n: its tree end, -1 before any
    std::uint8_t* in_tree;           // n; each entry written and read only by the vertex's owner thread
    edge_candidate* candidates;      // 2 x gridDim.x: the blocks' least edges, by step parity
    std::int32_t* parent_out;        // n
    double* length_out;              // n: squared parent-edge length
    std::int32_t* order_out;         // n: insertion order
    grid_barrier_state* barrier;
};

/// Prim from vertex 0 (see the top of this file). Cooperative launch; block size prim_threads.
__global__ void __launch_bounds__(prim_threads) prim_tree(const prim_args a) {
    __shared__ edge_candidate scratch[prim_threads];
    const std::int64_t n = a.n;
    const std::int64_t first = static_cast<std::int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    const std::int64_t stride = static_cast<std::int64_t>(gridDim.x) * blockDim.x;

    for (std::int64_t v = first; v < n; v += stride) {
        a.kept_parent[v] = -1;
        a.key[v] = 0.0;
        a.in_tree[v] = v == 0 ? 1 : 0;
    }
    if (first == 0) {
        a.order_out[0] = 0;
        a.parent_out[0] = -1;
        a.length_out[0] = 0.0;
    }

    std::int32_t joined = 0;  // the vertex that joined last
    for (std::int64_t step = 1; step < n; ++step) {
        // 1. Kept edges against the new tree vertex, and this thread's least.
        edge_candidate mine{0.0, -1, -1};
        for (std::int64_t v = first; v < n; v += stride) {
            if (a.in_tree[v] != 0) continue;
            const auto vertex = static_cast<std::int32_t>(v);
            const double d2 = squared_distance(a.points, n, a.d, joined, v);
            if (a.kept_parent[v] < 0 || edge_precedes(d2, joined, vertex, a.key[v], a.kept_parent[v], vertex)) {
                a.key[v] = d2;
                a.kept_parent[v] = joined;
            }
            keep_least(mine, edge_candidate{a.key[v], a.kept_parent[v], vertex});
        }
        // 2. The block's least, then the grid's: every block reduces the same candidates to the same edge.
        edge_candidate* candidates = a.candidates + (step & 1) * static_cast<std::int64_t>(gridDim.x);
        const edge_candidate block_best = block_least(mine, scratch);
        if (threadIdx.x == 0) candidates[blockIdx.x] = block_best;
        grid_barrier(a.barrier);
        edge_candidate offer{0.0, -1, -1};
        // Volatile reads: the candidates come from other blocks (never from a stale L1 line).
        const volatile edge_candidate* written = candidates;
        for (unsigned b = threadIdx.x; b < gridDim.x; b += blockDim.x) {
            keep_least(offer, edge_candidate{written[b].key, written[b].parent, written[b].vertex});
        }
        const edge_candidate next = block_least(offer, scratch);
        // 3. Bookkeeping: the owner marks the vertex; one thread writes the tree arrays.
        joined = next.vertex;
        if (joined % stride == first) a.in_tree[joined] = 1;
        if (first == 0) {
            a.order_out[step] = joined;
            a.parent_out[joined] = next.parent;
            a.length_out[joined] = next.key;
        }
    }
}

struct decide_args {
    const std::int32_t* child_start;  // n + 1, by breadth-first position
    const std::int32_t* level_start;  // max_depth + 2
    const double* flow;               // by position; 0 at the root
    const double* weight;
    const double* potential;
    double* value;                    // by position
    std::uint8_t* good;
    std::uint8_t* joined;             // joined[0] (the root) is set to 0 by the host
    unsigned long long* count;        // zeroed by the host
    grid_barrier_state* barrier;
    std::int32_t max_depth;
    std::int32_t strict;
    double epsilon;
};

/// The decision at epsilon, level by level (see the top of this file). Cooperative launch; block size
/// decide_threads.
__global__ void __launch_bounds__(decide_threads) decide_levels(const decide_args a) {
    __shared__ unsigned long long block_closed;
    if (threadIdx.x == 0) block_closed = 0;
    __syncthreads();
    const std::int64_t first = static_cast<std::int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    const std::int64_t stride = static_cast<std::int64_t>(gridDim.x) * blockDim.x;
    unsigned long long closed = 0;
    // The children's value and flag were written by other blocks before the last barrier: volatile reads, never
    // a stale L1 line.
    const volatile double* child_value = a.value;
    const volatile std::uint8_t* child_good = a.good;
    for (std::int32_t level = a.max_depth; level >= 0; --level) {
        const std::int64_t begin = a.level_start[level];
        const std::int64_t end = a.level_start[level + 1];
        for (std::int64_t p = begin + first; p < end; p += stride) {
            double acc = __dsub_rn(a.potential[p], __dmul_rn(a.epsilon, a.weight[p]));
            for (std::int32_t c = a.child_start[p]; c < a.child_start[p + 1]; ++c) {
                // Joining c is strictly cheaper than cutting it (and c is not closed).
                const double value = child_value[c];
                const bool join = child_good[c] == 0 && value < a.flow[c];
                a.joined[c] = join ? 1 : 0;
                acc = __dadd_rn(acc, join ? value : a.flow[c]);
            }
            a.value[p] = acc;
            const double total = __dadd_rn(acc, a.flow[p]);  // the set closed here (root: + 0)
            const bool closes = a.strict != 0 ? total < 0.0 : total <= 0.0;
            a.good[p] = closes ? 1 : 0;
            closed += closes ? 1 : 0;
        }
        if (level > 0) grid_barrier(a.barrier);  // the level above reads this one
    }
    if (closed != 0) atomicAdd(&block_closed, closed);
    __syncthreads();
    if (threadIdx.x == 0 && block_closed != 0) atomicAdd(a.count, block_closed);
}

/// full[v] = labels[v] when >= 0, else the label of the nearest labelled point (d2 in dimension order, ties to
/// the smallest index). One thread per outlier (outliers lists them).
__global__ void __launch_bounds__(fill_threads)
    nearest_fill(const double* points, std::int64_t n, std::int64_t d, const std::int32_t* labels,
                 const std::int32_t* outliers, std::int64_t outlier_count, std::int32_t* full) {
    const std::int64_t o = static_cast<std::int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (o >= outlier_count) return;
    const std::int64_t v = outliers[o];
    std::int64_t best = -1;
    double best_d2 = 0.0;
    for (std::int64_t u = 0; u < n; ++u) {
        if (labels[u] < 0) continue;
        double sum = 0.0;
        for (std::int64_t j = 0; j < d; ++j) {
            const double diff = __dsub_rn(points[j * n + u], points[j * n + v]);
            sum = __dadd_rn(sum, __dmul_rn(diff, diff));
        }
        if (best < 0 || sum < best_d2) {
            best_d2 = sum;
            best = u;
        }
    }
    full[v] = labels[best];
}

}  // namespace cheeger::cuda::iso_kernels
