// Deterministic test inputs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cheeger_test {

/// n x d points around `blobs` random centres (normal noise), fixed by `seed`.
std::vector<double> blob_points(std::int64_t n, std::int64_t d, int blobs, std::uint64_t seed);

/// n x d points uniform in [0, 1)^d, fixed by `seed`.
std::vector<double> uniform_points(std::int64_t n, std::int64_t d, std::uint64_t seed);

/// n x d integer coordinates in [0, side), fixed by `seed`: many duplicates and equal distances.
std::vector<double> grid_points(std::int64_t n, std::int64_t d, int side, std::uint64_t seed);

/// A named n x d point set (n = points.size() / d).
struct named_points {
    std::string name;
    std::vector<double> points;
    std::int64_t d;
};

/// The isoperimetric tests' data full of duplicates and ties: 700 blobs plus 60 repeated rows (d = 3) and two
/// integer grids (500 x 2 in [0, 12), 300 x 9 in [0, 3)).
std::vector<named_points> tie_heavy_points();

/// The numeric feature columns of a bundled data set, data/<name>.csv (a header row; the `label` column, ground
/// truth, is left out). Throws std::runtime_error when the file cannot be read or a cell is not a number.
named_points bundled_data_set(const std::string& name);

/// The rows `rows` of the n x d matrix `points`, concatenated (initial centroids).
std::vector<double> pick_rows(const std::vector<double>& points, std::int64_t d, const std::vector<std::int64_t>& rows);

}  // namespace cheeger_test
