// The AVX2 kernel: four points per vector, sixteen points (four independent vectors) per round, two rounds per
// block. Centroids are visited one at a time in index order with a strict compare, so every lane computes
// exactly the serial loop's sum for its point and keeps the first minimum.
#include "kmeans/kmeans_assign_kernels.hpp"

#if defined(__AVX2__)

#include <immintrin.h>

#include <limits>

#include "kmeans/kmeans_tile.hpp"

namespace cheeger::kmeans {

namespace {

constexpr std::int64_t round_rows = 16;
static_assert(block_rows == 2 * round_rows, "a block is two rounds of four AVX2 vectors");

// Keeps the smaller distance and its centroid index; the earlier centroid on ties (strict <).
inline void keep_nearer(__m256d sum, __m256d centroid_index, __m256d& best, __m256d& index) {
    const __m256d closer = _mm256_cmp_pd(sum, best, _CMP_LT_OQ);
    best = _mm256_blendv_pd(best, sum, closer);
    index = _mm256_blendv_pd(index, centroid_index, closer);
}

// sum_0 = diff_0^2 (== 0.0 + diff_0^2, the serial loop's first step); sum_j = sum_(j-1) + diff_j^2.
inline __m256d first_term(const double* coordinates, __m256d centroid) {
    const __m256d diff = _mm256_sub_pd(_mm256_loadu_pd(coordinates), centroid);
    return _mm256_mul_pd(diff, diff);
}

inline __m256d next_term(__m256d sum, const double* coordinates, __m256d centroid) {
    const __m256d diff = _mm256_sub_pd(_mm256_loadu_pd(coordinates), centroid);
    return _mm256_add_pd(sum, _mm256_mul_pd(diff, diff));
}

// Two-dimensional full blocks are transposed with shuffles, four points per step.
template <int Dims>
void transpose(const double* points, std::int64_t rows, std::int64_t d, double* tile) {
    if constexpr (Dims == 2) {
        if (rows == block_rows) {
            for (std::int64_t group = 0; group < block_rows / 4; ++group) {
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
    fill_tile(points, rows, d, tile);
}

// One round: tile columns [0, 16) of `tile` (row stride block_rows). The four vectors are named variables
// rather than an array so that they stay in registers.
template <int Dims>
void nearest_of_round(const double* tile, std::int64_t d, const double* centroids, std::int32_t k,
                      double* best_out, double* index_out) {
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
        for (std::int64_t dim = 1; dim < (Dims > 0 ? Dims : d); ++dim) {
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
    _mm256_storeu_pd(best_out + 0, best0);
    _mm256_storeu_pd(best_out + 4, best1);
    _mm256_storeu_pd(best_out + 8, best2);
    _mm256_storeu_pd(best_out + 12, best3);
    _mm256_storeu_pd(index_out + 0, index0);
    _mm256_storeu_pd(index_out + 4, index1);
    _mm256_storeu_pd(index_out + 8, index2);
    _mm256_storeu_pd(index_out + 12, index3);
}

template <int Dims>
void assign_block_avx2(const double* points, std::int64_t rows, std::int64_t runtime_d, const double* centroids,
                       std::int32_t k, double* tile, std::int32_t* labels, double* distances) {
    const std::int64_t d = Dims > 0 ? Dims : runtime_d;
    transpose<Dims>(points, rows, d, tile);
    double best[block_rows];
    double index[block_rows];
    nearest_of_round<Dims>(tile, d, centroids, k, best, index);
    if (rows > round_rows) nearest_of_round<Dims>(tile + round_rows, d, centroids, k, best + round_rows, index + round_rows);
    for (std::int64_t r = 0; r < rows; ++r) {
        labels[r] = static_cast<std::int32_t>(index[r]);
        distances[r] = best[r];
    }
}

}  // namespace

assign_block_function avx2_kernel(std::int64_t d) noexcept {
    switch (d) {
        case 1: return &assign_block_avx2<1>;
        case 2: return &assign_block_avx2<2>;
        case 3: return &assign_block_avx2<3>;
        case 4: return &assign_block_avx2<4>;
        default: return &assign_block_avx2<0>;
    }
}

}  // namespace cheeger::kmeans

#else

namespace cheeger::kmeans {

assign_block_function avx2_kernel(std::int64_t /*d*/) noexcept { return nullptr; }

}  // namespace cheeger::kmeans

#endif
