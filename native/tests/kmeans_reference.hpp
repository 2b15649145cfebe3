// The shared k-means rules of docs/architecture.md written as plainly as possible (serial, scalar), to check the
// library's vectorised, multi-threaded pass against.
#pragma once

#include <cstdint>
#include <vector>

namespace cheeger_test {

struct reference_result {
    std::vector<std::int32_t> labels;
    std::vector<double> centroids;
    std::int32_t iterations = 0;
    std::int64_t last_changes = 0;
    double inertia = 0.0;
};

/// chunk_rows > 0: the parallel rule (per-chunk deltas in point order, merged in chunk order; inertia summed
/// per chunk, then over chunks). chunk_rows = 0: the study's serial rule (sums updated point by point, inertia
/// summed in point order).
reference_result reference_kmeans(const std::vector<double>& points, std::int64_t n, std::int64_t d,
                                  std::vector<double> centroids, std::int32_t k, std::int32_t max_iterations,
                                  double tolerance, std::int64_t chunk_rows);

}  // namespace cheeger_test
