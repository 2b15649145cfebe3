// One cheeger_kmeans_run call with its outputs, for tests.
#pragma once

#include <cstdint>
#include <vector>

#include "cheeger.h"

namespace cheeger_test {

struct kmeans_outcome {
    cheeger_status status = CHEEGER_STATUS_INTERNAL_ERROR;
    std::vector<std::int32_t> labels;
    std::vector<double> centroids;
    cheeger_kmeans_info info{};
};

/// Params with the library's defaults and the given k, max_iterations and tolerance.
inline cheeger_kmeans_params kmeans_params(std::int32_t k, std::int32_t max_iterations = 300,
                                           double tolerance = 0.0) {
    cheeger_kmeans_params params{};
    cheeger_kmeans_params_default(&params);
    params.k = k;
    params.max_iterations = max_iterations;
    params.tolerance = tolerance;
    return params;
}

/// Runs k-means on `points` (n x d) with `initial` centroids (empty: sampled with params.seed).
inline kmeans_outcome run_kmeans(cheeger_context context, const std::vector<double>& points, std::int64_t d,
                                 const cheeger_kmeans_params& params, const std::vector<double>& initial = {}) {
    const auto n = static_cast<std::int64_t>(points.size()) / d;
    kmeans_outcome outcome;
    outcome.labels.assign(static_cast<std::size_t>(n), -7);
    outcome.centroids.assign(static_cast<std::size_t>(params.k * d), -7.0);
    outcome.status = cheeger_kmeans_run(context, points.data(), n, d, &params,
                                        initial.empty() ? nullptr : initial.data(), outcome.labels.data(),
                                        outcome.centroids.data(), &outcome.info);
    return outcome;
}

}  // namespace cheeger_test
