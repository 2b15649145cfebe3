#include "kmeans/kmeans_assign.hpp"

#include <algorithm>
#include <limits>

#include "kmeans/kmeans_layout.hpp"

#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace cheeger::kmeans {

namespace {

#if defined(__AVX2__)

constexpr int lanes = 4;
constexpr int vectors = static_cast<int>(block_rows) / lanes;
static_assert(vectors * lanes == block_rows, "a block is a whole number of AVX2 vectors");

// Points run across the lanes (four points per vector, four vectors per block), centroids one at a time in
// index order: every lane computes exactly the serial loop's sum for its point, and the strict compare keeps
// the first minimum. Four independent vectors hide the latency of the compare/blend chain.
// Dims > 0 fixes d at compile time (fully unrolled dimension loop); 0 reads it at run time.
template <int Dims>
void assign_block_avx2(const double* points, std::int64_t rows, std::int64_t runtime_d, const double* centroids,
                       std::int32_t k, double* tile, std::int32_t* labels, double* distances) {
    const std::int64_t d = Dims > 0 ? Dims : runtime_d;

    // Transpose the block into tile[dim][row]; rows past the end repeat the last point (results ignored).
    for (std::int64_t r = 0; r < block_rows; ++r) {
        const double* point = points + std::min(r, rows - 1) * d;
        for (std::int64_t dim = 0; dim < d; ++dim) tile[dim * block_rows + r] = point[dim];
    }

    __m256d best[vectors];
    __m256d index[vectors];
    for (int v = 0; v < vectors; ++v) {
        best[v] = _mm256_set1_pd(std::numeric_limits<double>::infinity());
        index[v] = _mm256_setzero_pd();
    }

    for (std::int32_t j = 0; j < k; ++j) {
        const double* centroid = centroids + j * d;
        __m256d sum[vectors];
        const __m256d c0 = _mm256_broadcast_sd(centroid);
        for (int v = 0; v < vectors; ++v) {
            const __m256d diff = _mm256_sub_pd(_mm256_loadu_pd(tile + v * lanes), c0);
            sum[v] = _mm256_mul_pd(diff, diff);  // == 0.0 + diff * diff, the serial loop's first step
        }
        for (std::int64_t dim = 1; dim < d; ++dim) {
            const __m256d c = _mm256_broadcast_sd(centroid + dim);
            const double* row = tile + dim * block_rows;
            for (int v = 0; v < vectors; ++v) {
                const __m256d diff = _mm256_sub_pd(_mm256_loadu_pd(row + v * lanes), c);
                sum[v] = _mm256_add_pd(sum[v], _mm256_mul_pd(diff, diff));
            }
        }
        const __m256d jv = _mm256_set1_pd(static_cast<double>(j));
        for (int v = 0; v < vectors; ++v) {
            const __m256d closer = _mm256_cmp_pd(sum[v], best[v], _CMP_LT_OQ);
            best[v] = _mm256_blendv_pd(best[v], sum[v], closer);
            index[v] = _mm256_blendv_pd(index[v], jv, closer);
        }
    }

    alignas(32) double best_out[block_rows];
    alignas(32) double index_out[block_rows];
    for (int v = 0; v < vectors; ++v) {
        _mm256_store_pd(best_out + v * lanes, best[v]);
        _mm256_store_pd(index_out + v * lanes, index[v]);
    }
    for (std::int64_t r = 0; r < rows; ++r) {
        labels[r] = static_cast<std::int32_t>(index_out[r]);
        distances[r] = best_out[r];
    }
}

#else

// The plain loop, for builds without AVX2 (CHEEGER_CPU_BASELINE empty or another architecture).
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

#endif

// The kernel family this build compiled.
template <int Dims>
constexpr assign_block_function kernel =
#if defined(__AVX2__)
    &assign_block_avx2<Dims>;
#else
    &assign_block_scalar<Dims>;
#endif

}  // namespace

assign_block_function assign_block_for(std::int64_t d) noexcept {
    switch (d) {
        case 1: return kernel<1>;
        case 2: return kernel<2>;
        case 3: return kernel<3>;
        case 4: return kernel<4>;
        default: return kernel<0>;
    }
}

}  // namespace cheeger::kmeans
