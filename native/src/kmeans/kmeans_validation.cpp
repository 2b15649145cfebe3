#include "kmeans/kmeans_validation.hpp"

#include <cmath>
#include <limits>

#include "core/require.hpp"
#include "core/require_finite.hpp"

namespace cheeger::kmeans {

namespace {

void require_size(std::int64_t n, std::int64_t d) {
    require(n >= 1, "n = ", n, " must be at least 1");
    require(d >= 1, "d = ", d, " must be at least 1");
    constexpr std::int64_t max_values = std::numeric_limits<std::int64_t>::max() / std::int64_t{sizeof(double)};
    require(n <= max_values / d, "n * d = ", n, " * ", d, " overflows (at most ", max_values,
            " doubles are addressable)");
}

}  // namespace

request validate_run(const double* points, std::int64_t n, std::int64_t d, const cheeger_kmeans_params* params,
                     const double* initial_centroids, std::int32_t* labels_out, double* centroids_out) {
    require_not_null(points, "points");
    require_not_null(params, "params");
    require_not_null(labels_out, "labels_out");
    require_not_null(centroids_out, "centroids_out");
    require_size(n, d);

    const cheeger_kmeans_params& p = *params;
    require(p.k >= 1, "params->k = ", p.k, " must be at least 1");
    require(p.k <= n, "params->k = ", p.k, " exceeds the number of points n = ", n);
    require(p.max_iterations >= 1, "params->max_iterations = ", p.max_iterations, " must be at least 1");
    require(std::isfinite(p.tolerance) && p.tolerance >= 0.0, "params->tolerance = ", p.tolerance,
            " must be a finite number >= 0 (0 disables the test)");
    require(p.init == CHEEGER_KMEANS_INIT_RANDOM, "params->init = ", p.init,
            " is not a cheeger_kmeans_init value (CHEEGER_KMEANS_INIT_RANDOM = 0)");
    require(p.precision == CHEEGER_PRECISION_DOUBLE || p.precision == CHEEGER_PRECISION_SINGLE,
            "params->precision = ", p.precision,
            " is not a cheeger_precision value (DOUBLE = 0, SINGLE = 1)");

    require_finite(points, n, d, "points");
    if (initial_centroids != nullptr) require_finite(initial_centroids, p.k, d, "initial_centroids");

    return request{points, n, d, p, initial_centroids, labels_out, centroids_out};
}

void validate_sample_rows(std::int64_t n, std::int32_t k, const std::int64_t* rows_out) {
    require_not_null(rows_out, "rows_out");
    require(n >= 1, "n = ", n, " must be at least 1");
    require(k >= 1, "k = ", k, " must be at least 1");
    require(k <= n, "k = ", k, " exceeds the number of rows n = ", n);
}

}  // namespace cheeger::kmeans
