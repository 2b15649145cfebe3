#include "kmeans_reference.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cheeger_test {

reference_result reference_kmeans(const std::vector<double>& points, std::int64_t n, std::int64_t d,
                                  std::vector<double> centroids, std::int32_t k, std::int32_t max_iterations,
                                  double tolerance, std::int64_t chunk_rows) {
    const auto at = [](std::int64_t index) { return static_cast<std::size_t>(index); };
    reference_result result;
    result.labels.assign(at(n), -1);
    std::vector<double> sums(at(k * d), 0.0);
    std::vector<std::int64_t> counts(at(k), 0);
    const std::int64_t chunk = chunk_rows > 0 ? chunk_rows : n;

    std::int64_t changes = n;
    std::int32_t iterations = 0;
    double inertia = 0.0;
    while (changes > n / 100 && iterations < max_iterations) {
        changes = 0;
        inertia = 0.0;
        for (std::int64_t begin = 0; begin < n; begin += chunk) {
            const std::int64_t end = std::min(n, begin + chunk);
            std::vector<double> delta_sums(at(k * d), 0.0);
            std::vector<std::int64_t> delta_counts(at(k), 0);
            std::vector<double>& sums_target = chunk_rows > 0 ? delta_sums : sums;
            std::vector<std::int64_t>& counts_target = chunk_rows > 0 ? delta_counts : counts;
            double chunk_inertia = 0.0;
            for (std::int64_t i = begin; i < end; ++i) {
                double best = std::numeric_limits<double>::infinity();
                std::int32_t nearest = 0;
                for (std::int32_t c = 0; c < k; ++c) {
                    double sum = 0.0;
                    for (std::int64_t j = 0; j < d; ++j) {
                        const double diff = points[at(i * d + j)] - centroids[at(c * d + j)];
                        sum += diff * diff;
                    }
                    if (sum < best) {
                        best = sum;
                        nearest = c;
                    }
                }
                if (chunk_rows > 0) {
                    chunk_inertia += best;
                } else {
                    inertia += best;
                }
                const std::int32_t old = result.labels[at(i)];
                if (old == nearest) continue;
                ++changes;
                for (std::int64_t j = 0; j < d; ++j) {
                    if (old >= 0) sums_target[at(old * d + j)] -= points[at(i * d + j)];
                    sums_target[at(nearest * d + j)] += points[at(i * d + j)];
                }
                if (old >= 0) --counts_target[at(old)];
                ++counts_target[at(nearest)];
                result.labels[at(i)] = nearest;
            }
            if (chunk_rows > 0) {
                for (std::size_t s = 0; s < sums.size(); ++s) sums[s] += delta_sums[s];
                for (std::size_t c = 0; c < counts.size(); ++c) counts[c] += delta_counts[c];
                inertia += chunk_inertia;
            }
        }
        double largest_move = 0.0;
        for (std::int32_t c = 0; c < k; ++c) {
            if (counts[at(c)] == 0) continue;  // an empty cluster keeps its centroid
            double squared = 0.0;
            for (std::int64_t j = 0; j < d; ++j) {
                const double updated = sums[at(c * d + j)] / static_cast<double>(counts[at(c)]);
                const double move = updated - centroids[at(c * d + j)];
                squared += move * move;
                centroids[at(c * d + j)] = updated;
            }
            largest_move = std::max(largest_move, std::sqrt(squared));
        }
        ++iterations;
        if (tolerance > 0.0 && largest_move <= tolerance) break;
    }
    result.centroids = std::move(centroids);
    result.iterations = iterations;
    result.last_changes = changes;
    result.inertia = inertia;
    return result;
}

}  // namespace cheeger_test
