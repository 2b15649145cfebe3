#include "kmeans/kmeans_workspace.hpp"

#include <algorithm>

#include "core/buffer.hpp"
#include "kmeans/kmeans_layout.hpp"

namespace cheeger::kmeans {

namespace {

// Memory for the per-chunk deltas of one wave. A wave of this size covers n = 1e6 with k·d up to about 1000
// in one go; larger problems run in several waves (same result, merging is in chunk order either way).
constexpr std::int64_t delta_budget_bytes = std::int64_t{64} << 20;

thread_local std::int64_t tls_wave_chunks_override = 0;

}  // namespace

void set_wave_chunks_override(std::int64_t chunks) noexcept { tls_wave_chunks_override = chunks; }

void workspace::prepare(std::int64_t n, std::int64_t d, std::int64_t k, int threads) {
    const std::int64_t chunks = chunk_count(n);
    const std::int64_t slot_bytes = k * (d * std::int64_t{sizeof(double)} + std::int64_t{sizeof(std::int64_t)} + 1);
    std::int64_t wave = std::max<std::int64_t>(delta_budget_bytes / slot_bytes, threads);
    if (tls_wave_chunks_override > 0) wave = tls_wave_chunks_override;
    wave = std::clamp<std::int64_t>(wave, 1, chunks);

    grow_buffer(centroids, k * d, "the k-means centroids");
    grow_buffer(next_centroids, k * d, "the k-means next centroids");
    grow_buffer(sums, k * d, "the k-means running sums");
    grow_buffer(counts, k, "the k-means running counts");
    grow_buffer(delta_sums, wave * k * d, "the k-means per-chunk delta sums");
    grow_buffer(delta_counts, wave * k, "the k-means per-chunk delta counts");
    grow_buffer(touched, wave * k, "the k-means per-chunk touched flags");
    grow_buffer(chunk_changes, chunks, "the k-means per-chunk change counts");
    grow_buffer(chunk_inertia, chunks, "the k-means per-chunk inertia");
    grow_buffer(tiles, std::int64_t{threads} * block_rows * d, "the k-means distance tiles");
    grow_buffer(rows, k, "the k-means sampled rows");
    wave_chunks = wave;

    // A run that failed half-way may have left deltas behind; the merge keeps them zero otherwise.
    std::fill_n(delta_sums.begin(), wave * k * d, 0.0);
    std::fill_n(delta_counts.begin(), wave * k, std::int64_t{0});
    std::fill_n(touched.begin(), wave * k, std::uint8_t{0});
}

}  // namespace cheeger::kmeans
