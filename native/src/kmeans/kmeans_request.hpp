// One validated k-means call, as the backends receive it.
#pragma once

#include <cstdint>

#include "cheeger.h"

namespace cheeger::kmeans {

struct request {
    const double* points;               // n x d, row-major, finite
    std::int64_t n;
    std::int64_t d;
    cheeger_kmeans_params params;       // validated copy
    const double* initial_centroids;    // k x d, finite, or nullptr: sample rows with params.seed
    std::int32_t* labels_out;           // n
    double* centroids_out;              // k x d
};

}  // namespace cheeger::kmeans
