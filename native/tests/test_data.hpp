// Deterministic test inputs.
#pragma once

#include <cstdint>
#include <vector>

namespace cheeger_test {

/// n x d points around `blobs` random centres (normal noise), fixed by `seed`.
std::vector<double> blob_points(std::int64_t n, std::int64_t d, int blobs, std::uint64_t seed);

/// n x d integer coordinates in [0, side), fixed by `seed`: many duplicates and equal distances.
std::vector<double> grid_points(std::int64_t n, std::int64_t d, int side, std::uint64_t seed);

/// The rows `rows` of the n x d matrix `points`, concatenated (initial centroids).
std::vector<double> pick_rows(const std::vector<double>& points, std::int64_t d, const std::vector<std::int64_t>& rows);

}  // namespace cheeger_test
