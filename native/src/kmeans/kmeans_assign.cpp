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

// One centroid against one vector of four points: keeps the smaller distance and its index, the earlier
// centroid on ties (strict <).
inline void keep_nearer(__m256d sum, __m256d centroid_index, __m256d& best, __m256d& index) {
    const __m256d closer = _mm256_cmp_pd(sum, best, _CMP_LT_OQ);
    best = _mm256_blendv_pd(best, sum, closer);
    index = _mm256_blendv_pd(index, centroid_index, closer);
}

// Squared distance of four points (lanes) to a centroid, accumulated one dimension at a time in dimension
// order: sum_0 = diff_0^2 (== 0.0 + diff_0^2, the serial loop's first step), sum_j = sum_(j-1) + diff_j^2.
inline __m256d first_term(const double* coordinates, __m256d centroid) {
    const __m256d diff = _mm256_sub_pd(_mm256_loadu_pd(coordinates), centroid);
    return _mm256_mul_pd(diff, diff);
}

inline __m256d next_term(__m256d sum, const double* coordinates, __m256d centroid) {
    const __m256d diff = _mm256_sub_pd(_mm256_loadu_pd(coordinates), centroid);
    return _mm256_add_pd(sum, _mm256_mul_pd(diff, diff));
}

// Copies the block into tile[dim][row] (structure of arrays); rows past the end repeat the last point (their
// results are ignored). Two-dimensional full blocks use shuffles, four points per step.
template <int Dims>
void transpose_block(const double* points, std::int64_t rows, std::int64_t d, double* tile) {
    if constexpr (Dims == 2) {
        if (rows == block_rows) {
            for (int group = 0; group < 4; ++group) {
                const __m256d a = _mm256_loadu_pd(points + 8 * group);      // x0 y0 x1 y1
                const __m256d b = _mm256_loadu_pd(points + 8 * group + 4);  // x2 y2 x3 y3
                const __m256d x = _mm256_unpacklo_pd(a, b);                 // x0 x2 x1 x3
                const __m256d y = _mm256_unpackhi_pd(a, b);                 // y0 y2 y1 y3
                _mm256_storeu_pd(tile + 4 * group, _mm256_permute4x64_pd(x, 0xD8));
                _mm256_storeu_pd(tile + block_rows + 4 * group, _mm256_permute4x64_pd(y, 0xD8));
            }
            return;
        }
    }
    for (std::int64_t r = 0; r < block_rows; ++r) {
        const double* point = points + std::min(r, rows - 1) * d;
        for (std::int64_t dim = 0; dim < d; ++dim) tile[dim * block_rows + r] = point[dim];
    }
}

// Points run across the lanes (four points per vector, four vectors per block), centroids one at a time in
// index order: every lane computes exactly the serial loop's sum for its point, and the strict compare keeps
// the first minimum. Four independent vectors hide the latency of the compare/blend chain; they are named
// variables rather than arrays so that they stay in registers.
// Dims > 0 fixes d at compile time (fully unrolled dimension loop); 0 reads it at run time.
template <int Dims>
void assign_block_avx2(const double* points, std::int64_t rows, std::int64_t runtime_d, const double* centroids,
                       std::int32_t k, double* tile, std::int32_t* labels, double* distances) {
    static_assert(block_rows == 16, "the kernel is written for four vectors of four points");
    const std::int64_t d = Dims > 0 ? Dims : runtime_d;

    transpose_block<Dims>(points, rows, d, tile);

    const __m256d infinity = _mm256_set1_pd(std::numeric_limits<double>::infinity());
    __m256d best0 = infinity, best1 = infinity, best2 = infinity, best3 = infinity;
    __m256d index0 = _mm256_setzero_pd(), index1 = index0, index2 = index0, index3 = index0;
    __m256d centroid_index = _mm256_setzero_pd();
    const __m256d one = _mm256_set1_pd(1.0);

    for (std::int32_t j = 0; j < k; ++j) {
        const double* centroid = centroids + j * d;
        const __m256d c0 = _mm256_broadcast_sd(centroid);
        __m256d sum0 = first_term(tile + 0, c0);
        __m256d sum1 = first_term(tile + 4, c0);
        __m256d sum2 = first_term(tile + 8, c0);
        __m256d sum3 = first_term(tile + 12, c0);
        for (std::int64_t dim = 1; dim < d; ++dim) {
            const __m256d c = _mm256_broadcast_sd(centroid + dim);
            const double* row = tile + dim * block_rows;
            sum0 = next_term(sum0, row + 0, c);
            sum1 = next_term(sum1, row + 4, c);
            sum2 = next_term(sum2, row + 8, c);
            sum3 = next_term(sum3, row + 12, c);
        }
        keep_nearer(sum0, centroid_index, best0, index0);
        keep_nearer(sum1, centroid_index, best1, index1);
        keep_nearer(sum2, centroid_index, best2, index2);
        keep_nearer(sum3, centroid_index, best3, index3);
        centroid_index = _mm256_add_pd(centroid_index, one);  // exact: j < 2^31
    }

    alignas(32) double best_out[block_rows];
    alignas(32) double index_out[block_rows];
    _mm256_store_pd(best_out + 0, best0);
    _mm256_store_pd(best_out + 4, best1);
    _mm256_store_pd(best_out + 8, best2);
    _mm256_store_pd(best_out + 12, best3);
    _mm256_store_pd(index_out + 0, index0);
    _mm256_store_pd(index_out + 4, index1);
    _mm256_store_pd(index_out + 8, index2);
    _mm256_store_pd(index_out + 12, index3);
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
