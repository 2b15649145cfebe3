// The buffers of a CPU k-means run, owned by the context and reused across calls (they only grow), so the
// Lloyd loop itself allocates nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "core/aligned_allocator.hpp"

namespace cheeger::kmeans {

struct workspace {
    std::vector<double> centroids;       // k x d, the centroids the current pass assigns against
    std::vector<double> next_centroids;  // k x d, the centroids the pass produces
    std::vector<double> sums;            // k x d running sums of the assigned points
    std::vector<std::int64_t> counts;    // k running counts
    // Per chunk of a wave (written by different threads side by side, so each slot is padded to whole cache
    // lines): the changes of the sums and counts, and whether the chunk changed a cluster at all.
    aligned_vector<double> delta_sums;        // wave_chunks x sums_stride (k x d used)
    aligned_vector<std::int64_t> delta_counts;  // wave_chunks x counts_stride (k used)
    aligned_vector<std::uint8_t> touched;     // wave_chunks x touched_stride (k used)
    std::vector<std::int64_t> chunk_changes;  // per chunk: points that changed cluster
    std::vector<double> chunk_inertia;   // per chunk: sum of d2 in point order
    aligned_vector<double> tiles;        // threads x tile_stride (block_rows x d used): transposed points
    std::vector<std::int64_t> rows;      // k sampled rows

    std::int64_t wave_chunks = 0;    // chunks whose deltas are held at once (a pass runs in waves of this many)
    std::int64_t sums_stride = 0;    // doubles between the delta sums of two chunk slots
    std::int64_t counts_stride = 0;  // counts between the delta counts of two chunk slots
    std::int64_t touched_stride = 0; // flags between the touched flags of two chunk slots
    std::int64_t tile_stride = 0;    // doubles between the tiles of two threads

    /// Grows every buffer for a run of n x d points, k clusters and `threads` threads; sets the wave size and
    /// strides and clears the delta buffers it will use.
    void prepare(std::int64_t n, std::int64_t d, std::int64_t k, int threads);
};

/// Test hook (cheeger_testing.h): caps wave_chunks for runs prepared on this thread; 0 = automatic.
void set_wave_chunks_override(std::int64_t chunks) noexcept;

/// The cap set by set_wave_chunks_override on this thread (0 = none); the CUDA backend honours it too.
std::int64_t wave_chunks_override() noexcept;

}  // namespace cheeger::kmeans
