// The k initial rows of CHEEGER_KMEANS_INIT_RANDOM: SplitMix64 + a partial Fisher-Yates shuffle of the row
// indices 0..n-1 (j = i + NextBelow(n - i), swap, for i = 0..k-1), exactly as the managed
// KMeansInitializer.SampleRows, so one seed picks the same rows in every backend and language.
#pragma once

#include <cstdint>

namespace cheeger::kmeans {

/// Writes the k sampled rows to rows_out (1 <= k <= n, checked by the caller). Memory: O(min(n, k)).
void sample_rows(std::int64_t n, std::int64_t k, std::uint64_t seed, std::int64_t* rows_out);

}  // namespace cheeger::kmeans
