// The scalar kernel: the serial loop itself, for CPUs without the vector families (and as their reference).
#include <limits>

#include "kmeans/kmeans_assign_kernels.hpp"

namespace cheeger::kmeans {

namespace {

template <int Dims>
void assign_block_scalar(const double* points, std::int64_t rows, std::int64_t runtime_d, const double* centroids,
                         std::int32_t k, double* /*tile*/, std::int32_t* labels, double* distances) {
    const std::int64_t d = Dims > 0 ? Dims : runtime_d;
    for (std::int64_t r = 0; r < rows; ++r) {
        const double* point = points + r * d;
        double best = std::numeric_limits<double>::infinity();
        std::int32_t nearest = 0;
        for (std::int32_t j = 0; j < k; ++j) {
            const double* centroid = centroids + j * d;
            double sum = 0.0;
            for (std::int64_t dim = 0; dim < d; ++dim) {
                const double diff = point[dim] - centroid[dim];
                sum += diff * diff;
            }
            if (sum < best) {
                best = sum;
                nearest = j;
            }
        }
        labels[r] = nearest;
        distances[r] = best;
    }
}

}  // namespace

assign_block_function scalar_kernel(std::int64_t d) noexcept {
    switch (d) {
        case 1: return &assign_block_scalar<1>;
        case 2: return &assign_block_scalar<2>;
        case 3: return &assign_block_scalar<3>;
        case 4: return &assign_block_scalar<4>;
        default: return &assign_block_scalar<0>;
    }
}

}  // namespace cheeger::kmeans
