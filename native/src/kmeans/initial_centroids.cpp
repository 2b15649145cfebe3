#include "kmeans/initial_centroids.hpp"

#include <cstring>

#include "kmeans/row_sampler.hpp"

namespace cheeger::kmeans {

void initial_centroids(const request& call, double* out, std::int64_t* rows_scratch) {
    const std::int64_t k = call.params.k;
    const std::int64_t d = call.d;
    if (call.initial_centroids != nullptr) {
        std::memcpy(out, call.initial_centroids, static_cast<std::size_t>(k * d) * sizeof(double));
        return;
    }
    sample_rows(call.n, k, call.params.seed, rows_scratch);
    for (std::int64_t c = 0; c < k; ++c) {
        std::memcpy(out + c * d, call.points + rows_scratch[c] * d, static_cast<std::size_t>(d) * sizeof(double));
    }
}

}  // namespace cheeger::kmeans
