// The centroids a run starts from, as every backend takes them: the caller's, or the rows that the row sampler
// picks with params.seed (CHEEGER_KMEANS_INIT_RANDOM).
#pragma once

#include <cstdint>

#include "kmeans/kmeans_request.hpp"

namespace cheeger::kmeans {

/// Writes the k x d initial centroids of `call` to out; rows_scratch holds k entries.
void initial_centroids(const request& call, double* out, std::int64_t* rows_scratch);

}  // namespace cheeger::kmeans
