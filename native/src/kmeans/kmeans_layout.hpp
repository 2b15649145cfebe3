// How the CPU k-means splits its work. The chunk size is part of the result (deltas are summed per chunk and
// merged in chunk order) and is shared with the managed parallel backend; the block size is not.
#pragma once

#include <cstdint>

#include "cheeger.h"

namespace cheeger::kmeans {

/// Rows per chunk: the unit of work and of delta accumulation (CHEEGER_KMEANS_CHUNK_ROWS of cheeger.h).
inline constexpr std::int64_t chunk_rows = CHEEGER_KMEANS_CHUNK_ROWS;

/// Rows the distance kernel handles at once (four AVX-512 vectors of eight doubles, or two rounds of four AVX2
/// vectors of four).
inline constexpr std::int64_t block_rows = 32;

/// Number of chunks of n rows.
constexpr std::int64_t chunk_count(std::int64_t n) noexcept { return (n + chunk_rows - 1) / chunk_rows; }

}  // namespace cheeger::kmeans
