// Checks every argument of cheeger_kmeans_run (it may be called from C directly) before any work starts; each
// problem is one CHEEGER_STATUS_INVALID_ARGUMENT naming the argument and the value.
#pragma once

#include <cstdint>

#include "cheeger.h"
#include "kmeans/kmeans_request.hpp"

namespace cheeger::kmeans {

/// The request for the arguments, or throws cheeger::error.
request validate_run(const double* points, std::int64_t n, std::int64_t d, const cheeger_kmeans_params* params,
                     const double* initial_centroids, std::int32_t* labels_out, double* centroids_out);

/// Checks the arguments of cheeger_kmeans_sample_rows, or throws cheeger::error.
void validate_sample_rows(std::int64_t n, std::int32_t k, const std::int64_t* rows_out);

}  // namespace cheeger::kmeans
