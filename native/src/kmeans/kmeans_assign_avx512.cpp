// The AVX-512 kernel: eight points per vector, four independent vectors (32 points) per block, the same visit
// order and strict compare as the other kernels, so the same bits. The library's baseline is AVX2; these
// functions carry target("avx512f") and run only after the CPU reported AVX-512F (core/cpu_kernel_family.cpp).
// Everything they call is either a compiler intrinsic or carries the same attribute.
#include "core/cpu_kernel_family.hpp"
#include "kmeans/kmeans_assign_kernels.hpp"

#if defined(CHEEGER_HAS_AVX512_KERNELS)

#include <immintrin.h>

#include <limits>

#include "kmeans/kmeans_tile.hpp"

#define CHEEGER_AVX512 __attribute__((target("avx512f")))

namespace cheeger::kmeans {

namespace {

static_assert(block_rows == 32, "the kernel is written for four AVX-512 vectors of eight points");

CHEEGER_AVX512 inline void keep_nearer(__m512d sum, __m512d centroid_index, __m512d& best, __m512d& index) {
    const __mmask8 closer = _mm512_cmp_pd_mask(sum, best, _CMP_LT_OQ);
    best = _mm512_mask_blend_pd(closer, best, sum);
    index = _mm512_mask_blend_pd(closer, index, centroid_index);
}

CHEEGER_AVX512 inline __m512d first_term(const double* coordinates, __m512d centroid) {
    const __m512d diff = _mm512_sub_pd(_mm512_loadu_pd(coordinates), centroid);
    return _mm512_mul_pd(diff, diff);
}

CHEEGER_AVX512 inline __m512d next_term(__m512d sum, const double* coordinates, __m512d centroid) {
    const __m512d diff = _mm512_sub_pd(_mm512_loadu_pd(coordinates), centroid);
    return _mm512_add_pd(sum, _mm512_mul_pd(diff, diff));
}

template <int Dims>
CHEEGER_AVX512 void transpose(const double* points, std::int64_t rows, std::int64_t d, double* tile) {
    if constexpr (Dims == 2) {
        if (rows == block_rows) {
            const __m512i even = _mm512_set_epi64(14, 12, 10, 8, 6, 4, 2, 0);
            const __m512i odd = _mm512_set_epi64(15, 13, 11, 9, 7, 5, 3, 1);
            for (std::int64_t group = 0; group < block_rows / 8; ++group) {
                const __m512d a = _mm512_loadu_pd(points + 16 * group);      // x0 y0 .. x3 y3
                const __m512d b = _mm512_loadu_pd(points + 16 * group + 8);  // x4 y4 .. x7 y7
                _mm512_storeu_pd(tile + 8 * group, _mm512_permutex2var_pd(a, even, b));
                _mm512_storeu_pd(tile + block_rows + 8 * group, _mm512_permutex2var_pd(a, odd, b));
            }
            return;
        }
    }
    fill_tile(points, rows, d, tile);
}

template <int Dims>
CHEEGER_AVX512 void assign_block_avx512(const double* points, std::int64_t rows, std::int64_t runtime_d,
                                        const double* centroids, std::int32_t k, double* tile,
                                        std::int32_t* labels, double* distances) {
    const std::int64_t d = Dims > 0 ? Dims : runtime_d;
    transpose<Dims>(points, rows, d, tile);

    const __m512d infinity = _mm512_set1_pd(std::numeric_limits<double>::infinity());
    __m512d best0 = infinity, best1 = infinity, best2 = infinity, best3 = infinity;
    __m512d index0 = _mm512_setzero_pd(), index1 = index0, index2 = index0, index3 = index0;
    __m512d centroid_index = _mm512_setzero_pd();
    const __m512d one = _mm512_set1_pd(1.0);

    for (std::int32_t j = 0; j < k; ++j) {
        const double* centroid = centroids + j * d;
        const __m512d c0 = _mm512_set1_pd(centroid[0]);
        __m512d sum0 = first_term(tile + 0, c0);
        __m512d sum1 = first_term(tile + 8, c0);
        __m512d sum2 = first_term(tile + 16, c0);
        __m512d sum3 = first_term(tile + 24, c0);
        for (std::int64_t dim = 1; dim < d; ++dim) {
            const __m512d c = _mm512_set1_pd(centroid[dim]);
            const double* row = tile + dim * block_rows;
            sum0 = next_term(sum0, row + 0, c);
            sum1 = next_term(sum1, row + 8, c);
            sum2 = next_term(sum2, row + 16, c);
            sum3 = next_term(sum3, row + 24, c);
        }
        keep_nearer(sum0, centroid_index, best0, index0);
        keep_nearer(sum1, centroid_index, best1, index1);
        keep_nearer(sum2, centroid_index, best2, index2);
        keep_nearer(sum3, centroid_index, best3, index3);
        centroid_index = _mm512_add_pd(centroid_index, one);  // exact: j < 2^31
    }

    double best[block_rows];
    double index[block_rows];
    _mm512_storeu_pd(best + 0, best0);
    _mm512_storeu_pd(best + 8, best1);
    _mm512_storeu_pd(best + 16, best2);
    _mm512_storeu_pd(best + 24, best3);
    _mm512_storeu_pd(index + 0, index0);
    _mm512_storeu_pd(index + 8, index1);
    _mm512_storeu_pd(index + 16, index2);
    _mm512_storeu_pd(index + 24, index3);
    for (std::int64_t r = 0; r < rows; ++r) {
        labels[r] = static_cast<std::int32_t>(index[r]);
        distances[r] = best[r];
    }
}

}  // namespace

assign_block_function avx512_kernel(std::int64_t d) noexcept {
    switch (d) {
        case 1: return &assign_block_avx512<1>;
        case 2: return &assign_block_avx512<2>;
        case 3: return &assign_block_avx512<3>;
        case 4: return &assign_block_avx512<4>;
        default: return &assign_block_avx512<0>;
    }
}

}  // namespace cheeger::kmeans

#else

namespace cheeger::kmeans {

assign_block_function avx512_kernel(std::int64_t /*d*/) noexcept { return nullptr; }

}  // namespace cheeger::kmeans

#endif
