#include "kmeans/kmeans_workspace.hpp"

#include <algorithm>
#include <limits>

#include "core/buffer.hpp"
#include "core/error.hpp"
#include "core/message.hpp"
#include "kmeans/kmeans_layout.hpp"

namespace cheeger::kmeans {

namespace {

// Memory for the per-chunk deltas of one wave (about k * (8d + 9) bytes per chunk). A wave of this size covers all
// 245 chunks of n = 1e6 up to k * d of about 30 000; larger problems run in several waves (same result: merging
// is in chunk order either way).
constexpr std::int64_t delta_budget_bytes = std::int64_t{64} << 20;

thread_local std::int64_t tls_wave_chunks_override = 0;

}  // namespace

void set_wave_chunks_override(std::int64_t chunks) noexcept { tls_wave_chunks_override = chunks; }

std::int64_t wave_chunks_override() noexcept { return tls_wave_chunks_override; }

void workspace::prepare(std::int64_t n, std::int64_t d, std::int64_t k, int threads) {
    const std::int64_t chunks = chunk_count(n);
    sums_stride = round_up_to_cache_line<double>(k * d);
    counts_stride = round_up_to_cache_line<std::int64_t>(k);
    touched_stride = round_up_to_cache_line<std::uint8_t>(k);
    tile_stride = round_up_to_cache_line<double>(block_rows * d);

    const std::int64_t slot_bytes = sums_stride * std::int64_t{sizeof(double)} +
                                    counts_stride * std::int64_t{sizeof(std::int64_t)} + touched_stride;
    std::int64_t wave = std::max<std::int64_t>(delta_budget_bytes / slot_bytes, threads);
    if (tls_wave_chunks_override > 0) wave = tls_wave_chunks_override;
    wave = std::clamp<std::int64_t>(wave, 1, chunks);

    // n * d fits (validated) and k <= n, so k * d and the per-thread tiles fit; the wave's deltas are
    // bounded by the budget unless `threads` slots exceed it, which is checked here.
    if (slot_bytes > std::numeric_limits<std::int64_t>::max() / wave) {
        throw error(CHEEGER_STATUS_OUT_OF_MEMORY,
                    message("the k-means deltas of ", wave, " chunks of k = ", k, " clusters in d = ", d,
                            " dimensions exceed the address space"));
    }

    grow_buffer(centroids, k * d, "the k-means centroids");
    grow_buffer(next_centroids, k * d, "the k-means next centroids");
    grow_buffer(sums, k * d, "the k-means running sums");
    grow_buffer(counts, k, "the k-means running counts");
    grow_buffer(delta_sums, wave * sums_stride, "the k-means per-chunk delta sums");
    grow_buffer(delta_counts, wave * counts_stride, "the k-means per-chunk delta counts");
    grow_buffer(touched, wave * touched_stride, "the k-means per-chunk touched flags");
    grow_buffer(chunk_changes, chunks, "the k-means per-chunk change counts");
    grow_buffer(chunk_inertia, chunks, "the k-means per-chunk inertia");
    grow_buffer(tiles, std::int64_t{threads} * tile_stride, "the k-means distance tiles");
    grow_buffer(rows, k, "the k-means sampled rows");
    wave_chunks = wave;

    // A run that failed half-way may have left deltas behind; the merge keeps them zero otherwise.
    std::fill_n(delta_sums.begin(), wave * sums_stride, 0.0);
    std::fill_n(delta_counts.begin(), wave * counts_stride, std::int64_t{0});
    std::fill_n(touched.begin(), wave * touched_stride, std::uint8_t{0});
}

}  // namespace cheeger::kmeans
