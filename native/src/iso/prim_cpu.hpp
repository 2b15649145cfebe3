// Multi-threaded matrix-free Prim on the CPU (spec §2.2, §6.1).
#pragma once

#include <cstdint>
#include <vector>

#include "core/aligned_allocator.hpp"
#include "core/thread_pool.hpp"
#include "iso/iso_backend.hpp"

namespace cheeger::iso {

/// One chunk's least kept edge in a step, on its own cache line.
struct alignas(cache_line_bytes) prim_candidate {
    double key;
    std::int32_t parent;
    std::int32_t vertex;
};

/// The buffers of the CPU Prim, reused across calls (they only grow).
struct prim_workspace {
    aligned_vector<double> columns;          // coordinate j of packed vertex i at j * capacity + i
    aligned_vector<double> keys;             // d2 of each packed vertex's kept edge
    std::vector<std::int32_t> parents;       // the tree end of that edge
    std::vector<std::int32_t> vertices;      // the packed vertex
    std::vector<std::int32_t> position;      // n: slot of each vertex in the pack
    std::vector<prim_candidate> candidates;  // one per chunk of a step
};

/// Vertices per chunk: the unit of work a thread claims within a step.
inline constexpr std::int64_t prim_chunk = 512;

/// The number of threads Prim uses for n points on a pool of pool_size threads: at most one per chunk.
int prim_worker_count(int pool_size, std::int64_t n) noexcept;

/// Builds Prim's tree of the n x d points (n >= 1) on the pool. The vertices outside the tree are packed
/// dimension-major; each step is cut into chunks of prim_chunk packed vertices that the threads claim: a chunk
/// offers the edges from the vertex that joined last to its vertices (vectorised, one vertex per lane, d2 in
/// dimension order) and finds its least kept edge; the thread that finishes a step's last chunk reduces the chunk
/// candidates in chunk order under the edge order, unpacks the next vertex and publishes the next step. No thread
/// waits for a particular other thread, only for claimed chunks to finish, so a thread the OS deschedules holds
/// up at most one chunk. Writes parent, squared_length and order of `out`. The calling thread reports every
/// prim_progress_stride steps to `progress` while it takes part in the run (see prim_cpu.cpp).
void prim_tree(thread_pool& pool, prim_workspace& ws, const double* points, std::int64_t n, std::int64_t d,
               const tree_output& out, const progress_sink& progress);

}  // namespace cheeger::iso
