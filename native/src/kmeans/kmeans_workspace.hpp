// The buffers of a CPU k-means run, owned by the context and reused across calls (they only grow), so the
// Lloyd loop itself allocates nothing.
#pragma once

#include <cstdint>
#include <vector>

namespace cheeger::kmeans {

struct workspace {
    std::vector<double> centroids;       // k x d, the centroids the current pass assigns against
    std::vector<double> next_centroids;  // k x d, the centroids the pass produces
    std::vector<double> sums;            // k x d running sums of the assigned points
    std::vector<std::int64_t> counts;    // k running counts
    std::vector<double> delta_sums;      // wave_chunks x k x d, per-chunk changes of the sums
    std::vector<std::int64_t> delta_counts;  // wave_chunks x k
    std::vector<std::uint8_t> touched;   // wave_chunks x k: did the chunk change this cluster
    std::vector<std::int64_t> chunk_changes;  // per chunk: points that changed cluster
    std::vector<double> chunk_inertia;   // per chunk: sum of d2 in point order
    std::vector<double> tiles;           // threads x block_rows x d: transposed points of one block
    std::vector<std::int64_t> rows;      // k sampled rows

    /// Chunks whose deltas are held at once (a pass runs in waves of this many chunks).
    std::int64_t wave_chunks = 0;

    /// Grows every buffer for a run of n x d points, k clusters and `threads` threads; sets wave_chunks and
    /// clears the delta buffers it will use.
    void prepare(std::int64_t n, std::int64_t d, std::int64_t k, int threads);
};

/// Test hook (cheeger_testing.h): caps wave_chunks for runs prepared on this thread; 0 = automatic.
void set_wave_chunks_override(std::int64_t chunks) noexcept;

}  // namespace cheeger::kmeans
