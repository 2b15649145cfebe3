// Multi-threaded matrix-free Prim on the CPU (spec §2.2, §6.1).
#pragma once

#include <cstdint>
#include <vector>

#include "core/aligned_allocator.hpp"
#include "core/thread_pool.hpp"
#include "iso/iso_backend.hpp"

namespace cheeger::iso {

/// One worker's least kept edge in a step, on its own cache line; vertex = -1 when the worker has none left.
struct alignas(cache_line_bytes) prim_candidate {
    double key;
    std::int32_t parent;
    std::int32_t vertex;
};

/// Where one worker's packed vertices live in the shared buffers.
struct prim_pack {
    std::int64_t first;     // first slot in keys/parents/vertices; its columns start at first * d
    std::int64_t capacity;  // slots reserved (a multiple of a cache line of doubles)
    std::int64_t count;     // vertices still outside the tree
};

/// The buffers of the CPU Prim, reused across calls (they only grow).
struct prim_workspace {
    aligned_vector<double> columns;         // worker w: coordinate j of packed vertex i at first*d + j*capacity + i
    aligned_vector<double> keys;            // d2 of each packed vertex's kept edge
    std::vector<std::int32_t> parents;      // the tree end of that edge
    std::vector<std::int32_t> vertices;     // the packed vertex
    std::vector<std::int32_t> position;     // n: slot of each vertex within its owner's pack
    std::vector<prim_candidate> candidates; // 2 x workers, double-buffered by step parity
    std::vector<prim_pack> packs;           // one per worker
};

/// Vertices are dealt to the workers in round-robin blocks of this many, so that sorted data spreads evenly.
inline constexpr std::int64_t prim_block = 16;

/// The number of workers Prim uses for n points on a pool of pool_size threads: every worker gets a block.
int prim_worker_count(int pool_size, std::int64_t n) noexcept;

/// Builds Prim's tree of the n x d points (n >= 1) on the pool: each worker updates the kept edges of its own
/// vertices against the vertex that joined last (vectorised, one vertex per lane, d2 in dimension order) and
/// finds its least kept edge; after one barrier every worker reduces the candidates in worker order to the same
/// next vertex. Writes parent, squared_length and order of `out`.
void prim_tree(thread_pool& pool, prim_workspace& ws, const double* points, std::int64_t n, std::int64_t d,
               const tree_output& out);

}  // namespace cheeger::iso
