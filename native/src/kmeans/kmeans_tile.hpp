// The structure-of-arrays copy of one block of points that the vector kernels read: tile[dim * block_rows + r].
#pragma once

#include <algorithm>
#include <cstdint>

#include "kmeans/kmeans_layout.hpp"

namespace cheeger::kmeans {

/// Copies `rows` (1..block_rows) points of dimension d into the tile; rows past the end repeat the last point
/// (their results are computed and ignored).
inline void fill_tile(const double* points, std::int64_t rows, std::int64_t d, double* tile) noexcept {
    for (std::int64_t r = 0; r < block_rows; ++r) {
        const double* point = points + std::min(r, rows - 1) * d;
        for (std::int64_t dim = 0; dim < d; ++dim) tile[dim * block_rows + r] = point[dim];
    }
}

}  // namespace cheeger::kmeans
