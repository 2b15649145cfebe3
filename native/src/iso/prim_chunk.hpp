// One chunk of a Prim step (prim_cpu.cpp): offer the edges from the vertex u that joined last to the packed
// vertices [begin, end), keep for each the shorter edge (an equally long one when its endpoint pair is smaller
// under the edge order), and return the least kept edge. Three families give the same bits: every d2 is summed
// in dimension order without FMA, one vertex per vector lane, and equal keys are settled by the full edge order.
#pragma once

#include <cstdint>

#include "iso/edge_order.hpp"

namespace cheeger::iso {

/// The least kept edge seen so far; vertex = -1 when none.
struct least_edge {
    double key = 0.0;
    std::int32_t parent = -1;
    std::int32_t vertex = -1;

    /// Offers a kept edge (key, parent, vertex); keeps the least under the edge order.
    void offer(double k, std::int32_t p, std::int32_t v) noexcept {
        if (vertex < 0 || edge_precedes(k, p, v, key, parent, vertex)) {
            key = k;
            parent = p;
            vertex = v;
        }
    }
};

/// A chunk's inputs: the pack (dimension-major columns, kept keys and parents, vertex ids) and the step.
struct prim_chunk_args {
    const double* points;      // n x d, for the scalar tail
    std::int64_t d;
    const double* row;         // the coordinates of u
    std::int32_t u;
    const double* columns;     // coordinate j of packed vertex i at j * capacity + i
    std::int64_t capacity;
    double* keys;
    std::int32_t* parents;
    const std::int32_t* vertices;
    std::int64_t begin;
    std::int64_t end;
    bool assign;               // the root's step: take every edge
};

using prim_chunk_function = least_edge (*)(const prim_chunk_args& chunk) noexcept;

/// The chunk kernel of the CPU family in use (core/cpu_kernel_family.hpp).
prim_chunk_function prim_chunk_kernel() noexcept;

/// The scalar kernel; also the tail of the vector kernels.
least_edge offer_chunk_scalar(const prim_chunk_args& chunk) noexcept;

/// Continues a chunk from packed vertex `from` with the scalar loop, offering into `best`.
void offer_chunk_tail(const prim_chunk_args& chunk, std::int64_t from, least_edge& best) noexcept;

/// Four vertices per AVX vector (nullptr in a build without AVX).
prim_chunk_function prim_chunk_avx2() noexcept;

/// Eight vertices per AVX-512 vector (nullptr in a build for another architecture).
prim_chunk_function prim_chunk_avx512() noexcept;

}  // namespace cheeger::iso
