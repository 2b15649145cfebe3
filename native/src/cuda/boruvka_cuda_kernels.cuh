// The device code of Boruvka's minimum spanning tree (spec §6.1; the CPU twin is iso/boruvka_cpu.cpp). A round:
//
//  least_outgoing_edges   one block per vertex v: the threads stride over u outside v's component, d2(v, u)
//                         computed on the fly from the structure-of-arrays points (matrix-free, the Prim kernel's
//                         rounded sum), and reduce to v's least edge under the strict edge order (d2, min, max).
//  component_least_length each component's least d2, by an integer atomicMin on the bits of d2 (non-negative
//                         doubles order like their bit patterns, +inf included);
//  component_least_pair   then, among its vertices at that d2, the least (min, max) pair, packed in 64 bits:
//                         together the exact least edge of the component, whatever the order of the atomics;
//  hook                   every component root hooks onto the component at the other end of its least edge and
//                         records the edge; of two components whose least edge is the same (they can only pick
//                         each other through one edge) the smaller stays a root. Under the strict order the hooks
//                         form a forest;
//  jump, relabel          pointer jumping over the roots (double-buffered), then every vertex to its new root.
//
// Integer atomics only; no floating-point atomics. The host loops over rounds and reads back one count per round.
#pragma once

#include <cstdint>

#include "cuda/iso_cuda_kernels.cuh"

namespace cheeger::cuda::boruvka_kernels {

inline constexpr int edge_threads = 128;
inline constexpr int map_threads = 256;

/// The empty value of the atomicMin slots (above every d2 bit pattern and every packed pair).
inline constexpr unsigned long long empty_slot = ~0ULL;

__device__ __forceinline__ unsigned long long bits_of(double value) {
    return static_cast<unsigned long long>(__double_as_longlong(value));
}

/// best_length[v], best_other[v]: the least edge from v to another component (best_other -1: none). One block per
/// vertex (grid-stride over vertices), block size edge_threads.
__global__ void __launch_bounds__(edge_threads)
    least_outgoing_edges(const double* points, std::int64_t n, std::int64_t d, const std::int32_t* component,
                         double* best_length, std::int32_t* best_other) {
    __shared__ iso_kernels::edge_candidate scratch[edge_threads];
    for (std::int64_t v = blockIdx.x; v < n; v += gridDim.x) {
        const std::int32_t own = component[v];
        iso_kernels::edge_candidate mine{0.0, -1, -1};
        for (std::int64_t u = threadIdx.x; u < n; u += blockDim.x) {
            if (component[u] == own) continue;
            const double d2 = iso_kernels::squared_distance(points, n, d, v, u);
            iso_kernels::keep_least(mine, iso_kernels::edge_candidate{d2, static_cast<std::int32_t>(v),
                                                                      static_cast<std::int32_t>(u)});
        }
        const iso_kernels::edge_candidate least = iso_kernels::block_least(mine, scratch);
        if (threadIdx.x == 0) {
            best_length[v] = least.key;
            best_other[v] = least.vertex;
        }
    }
}

/// component_length[c] = the least best_length over c's vertices, as bits (slots start at empty_slot).
__global__ void __launch_bounds__(map_threads)
    component_least_length(std::int64_t n, const std::int32_t* component, const double* best_length,
                           const std::int32_t* best_other, unsigned long long* component_length) {
    const std::int64_t v = static_cast<std::int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (v >= n || best_other[v] < 0) return;
    atomicMin(&component_length[component[v]], bits_of(best_length[v]));
}

/// component_pair[c] = the least (min << 32 | max) over c's vertices whose edge has the component's least length.
__global__ void __launch_bounds__(map_threads)
    component_least_pair(std::int64_t n, const std::int32_t* component, const double* best_length,
                         const std::int32_t* best_other, const unsigned long long* component_length,
                         unsigned long long* component_pair) {
    const std::int64_t v = static_cast<std::int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (v >= n || best_other[v] < 0) return;
    const std::int32_t c = component[v];
    if (bits_of(best_length[v]) != component_length[c]) return;
    const auto vertex = static_cast<std::int32_t>(v);
    const std::int32_t other = best_other[v];
    const auto lo = static_cast<unsigned long long>(vertex < other ? vertex : other);
    const auto hi = static_cast<unsigned long long>(vertex < other ? other : vertex);
    atomicMin(&component_pair[c], lo << 32U | hi);
}

struct hook_args {
    std::int64_t n;
    const std::int32_t* component;
    const unsigned long long* component_length;
    const unsigned long long* component_pair;
    std::int32_t* hooked_to;       // by root: the component it joins (itself: it stays a root)
    std::int32_t* edge_a;          // by hooking root: the tree edge it adds (-1 until it hooks)
    std::int32_t* edge_b;
    double* edge_length;
    unsigned int* hooks;           // the round's hooks (zeroed by the host)
};

/// Every component root hooks onto the component across its least edge (see the top of this file).
__global__ void __launch_bounds__(map_threads) hook(const hook_args a) {
    const std::int64_t c = static_cast<std::int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (c >= a.n || a.component[c] != c) return;
    const unsigned long long pair = a.component_pair[c];
    const auto root = static_cast<std::int32_t>(c);
    if (pair == empty_slot) {  // no edge out: the last component (the host stops before this)
        a.hooked_to[c] = root;
        return;
    }
    const auto lo = static_cast<std::int32_t>(pair >> 32U);
    const auto hi = static_cast<std::int32_t>(pair & 0xFFFFFFFFULL);
    const std::int32_t across = a.component[lo] == root ? hi : lo;
    const std::int32_t target = a.component[across];
    const bool mutual = a.component_pair[target] == pair;
    if (mutual && root < target) {
        a.hooked_to[c] = root;
        return;
    }
    a.hooked_to[c] = target;
    a.edge_a[c] = lo;
    a.edge_b[c] = hi;
    a.edge_length[c] = __longlong_as_double(static_cast<long long>(a.component_length[c]));
    atomicAdd(a.hooks, 1U);
}

/// One pointer-jumping step over the roots: to[c] = from[from[c]].
__global__ void __launch_bounds__(map_threads)
    jump(std::int64_t n, const std::int32_t* component, const std::int32_t* from, std::int32_t* to) {
    const std::int64_t c = static_cast<std::int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (c >= n || component[c] != c) return;
    to[c] = from[from[c]];
}

/// Every vertex to the root that its component's root jumped to.
__global__ void __launch_bounds__(map_threads)
    relabel(std::int64_t n, std::int32_t* component, const std::int32_t* root_of) {
    const std::int64_t v = static_cast<std::int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (v >= n) return;
    component[v] = root_of[component[v]];
}

/// component[v] = v.
__global__ void __launch_bounds__(map_threads) singletons(std::int64_t n, std::int32_t* component) {
    const std::int64_t v = static_cast<std::int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (v < n) component[v] = static_cast<std::int32_t>(v);
}

}  // namespace cheeger::cuda::boruvka_kernels
