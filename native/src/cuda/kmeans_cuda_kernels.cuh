// The device code of the CUDA k-means (docs/gpu.md, "Native CUDA k-means"). One pass is two launches:
//
//  assign_and_fold   one block per 4096-row chunk (the chunk rule of docs/architecture.md). Each tile of 512 rows:
//                    every thread finds the nearest previous centroid of its rows (centroids in shared memory,
//                    d2 summed in dimension order with rounded operations, first minimum wins) and writes the
//                    label when it changed; the tile's changed rows are listed in point order (warp ballots and a
//                    block-wide offset); then one thread per delta entry (k*d sums, k counts) folds the list into
//                    its entry in point order. After the last tile the block's deltas go to its slot of the
//                    wave's delta arrays and its change count into the pass's counter (one integer atomic per
//                    block). No per-point global atomics: the deltas are the CPU's bits, in the CPU's order.
//  merge_and_update  one block per cluster: running sums += chunk deltas of touched chunks, in chunk order (one
//                    thread per dimension, chunk deltas staged through shared memory), counts likewise; on the
//                    last wave, centroid = sum / count (an empty cluster keeps its centroid) and the squared
//                    movement into the pass's largest (an integer atomic max on the bits of a non-negative double).
//
// All floating-point arithmetic that must match the CPU uses the explicitly rounded intrinsics (__dadd_rn,
// __dmul_rn, ...), which are never contracted into an FMA, whatever the compiler flags.
#pragma once

#include <cstdint>

#include "cheeger.h"
#include "cuda/dynamic_shared.cuh"

namespace cheeger::cuda::kmeans_kernels {

/// Rows per chunk: the unit of delta accumulation, shared with the CPU backends (cheeger.h).
inline constexpr int chunk_rows = CHEEGER_KMEANS_CHUNK_ROWS;
/// Threads of an assign block.
inline constexpr int assign_threads = 256;
/// Rows each assign thread handles per tile (two independent distance chains per centroid load).
inline constexpr int rows_per_thread = 2;
/// Rows per tile of an assign block.
inline constexpr int tile_rows = assign_threads * rows_per_thread;
inline constexpr int warps_per_block = assign_threads / 32;
/// Largest d whose changed points' coordinates are copied into the tile's list (else read from global memory).
inline constexpr int list_coordinates_max_d = 4;
/// Threads of a merge block, of an inertia block and of the upload transpose.
inline constexpr int merge_threads = 256;
inline constexpr int inertia_threads = 256;
inline constexpr int transpose_threads = 256;

static_assert(chunk_rows % tile_rows == 0, "a chunk is a whole number of tiles");
static_assert(assign_threads % 32 == 0, "whole warps");

/// What the host reads after each pass (two slots used alternately: a pass zeroes the next pass's slot).
struct pass_status {
    unsigned long long changes;              // points whose cluster changed
    unsigned long long largest_move_bits;    // bits of the largest squared centroid movement (a double >= 0)
};

/// Arguments of assign_and_fold. Arrays are device pointers; points are structure-of-arrays: x_j of row i is
/// points[j * n + i].
struct assign_args {
    const double* points;
    const float* points_single;   // the same in float (single precision only), else null
    const double* centroids;      // k x d, the centroids this pass assigns against
    std::int32_t* labels;         // n; read (the previous label) and written (when it changed)
    double* delta_sums;           // (k * d) x delta_stride, entry-major: entry e of the wave's chunk s at e * stride + s
    std::int32_t* delta_counts;   // k x delta_stride: 2 * count + touched
    unsigned long long* changes;  // the pass's change counter
    std::int64_t n;
    std::int64_t d;
    std::int32_t k;
    std::int32_t first_pass;      // 1: no previous labels; every point counts as changed and is only added
    std::int64_t chunk_begin;     // the wave's first chunk (block b handles chunk chunk_begin + b)
    std::int64_t delta_stride;    // chunks per wave the delta arrays have room for
    // Dynamic shared memory layout (byte offsets), see kmeans_cuda_stages.cu.
    std::int32_t list_coordinates;        // 1: the tile list holds the changed rows' coordinates (d <= 4)
    std::int32_t accumulators_in_shared;  // 1: the block's deltas live in shared memory until the end
    std::int32_t centroids_offset;        // used when the kernel's CentroidsShared is true
    std::int32_t list_coordinates_offset;
    std::int32_t accumulator_sums_offset;
    std::int32_t accumulator_counts_offset;
};

/// Arguments of merge_and_update.
struct merge_args {
    const double* delta_sums;        // as in assign_args
    const std::int32_t* delta_counts;
    double* sums;                    // k x d running sums
    long long* counts;               // k running counts
    const double* current;           // k x d, the centroids the pass assigned against
    double* next;                    // k x d, written on the last wave
    pass_status* status;             // this pass's slot
    pass_status* next_status;        // zeroed on the last wave, for the next pass
    std::int64_t d;
    std::int32_t k;
    std::int32_t last_wave;
    std::int64_t wave_chunks;        // chunks in this wave
    std::int64_t delta_stride;
    std::int32_t tile_chunks;        // chunks staged in shared memory at once
};

namespace detail {

// The rounded arithmetic of each precision.
template <class Real>
struct rounded;

template <>
struct rounded<double> {
    static __device__ __forceinline__ double sub(double a, double b) { return __dsub_rn(a, b); }
    static __device__ __forceinline__ double add(double a, double b) { return __dadd_rn(a, b); }
    static __device__ __forceinline__ double mul(double a, double b) { return __dmul_rn(a, b); }
    static __device__ __forceinline__ double from_double(double a) { return a; }
    static __device__ __forceinline__ double infinity() { return __longlong_as_double(0x7ff0000000000000LL); }
    static __device__ __forceinline__ long long order_key(double a) { return __double_as_longlong(a); }
};

template <>
struct rounded<float> {
    static __device__ __forceinline__ float sub(float a, float b) { return __fsub_rn(a, b); }
    static __device__ __forceinline__ float add(float a, float b) { return __fadd_rn(a, b); }
    static __device__ __forceinline__ float mul(float a, float b) { return __fmul_rn(a, b); }
    static __device__ __forceinline__ float from_double(double a) { return __double2float_rn(a); }
    static __device__ __forceinline__ float infinity() { return __int_as_float(0x7f800000); }
    static __device__ __forceinline__ int order_key(float a) { return __float_as_int(a); }
};

template <class Real>
__device__ __forceinline__ const Real* points_of(const assign_args& a);

template <>
__device__ __forceinline__ const double* points_of<double>(const assign_args& a) { return a.points; }

template <>
__device__ __forceinline__ const float* points_of<float>(const assign_args& a) { return a.points_single; }

// Centroid value e (= c * d + j): from shared memory (already in Real) or converted from global memory.
template <class Real, bool CentroidsShared>
__device__ __forceinline__ Real centroid_value(const Real* shared_centroids, const double* global_centroids,
                                               std::int64_t e) {
    if (CentroidsShared) return shared_centroids[e];
    return rounded<Real>::from_double(global_centroids[e]);
}

// a < b for sums of squares. They are never negative, -0.0 or NaN (the inputs are finite, so a difference is
// finite or infinite and its square +0.0 or more), and such values order exactly like their bit patterns read as
// signed integers: the integer compare gives the same answer as the floating-point one and leaves the FP64 units,
// the bottleneck of the assignment, one instruction less per distance.
template <class Real>
__device__ __forceinline__ bool closer(Real a, Real b) {
    return rounded<Real>::order_key(a) < rounded<Real>::order_key(b);
}

}  // namespace detail

/// One pass's assignment and per-chunk delta accumulation (see the top of this file). Grid: one block per chunk of
/// the wave; block: assign_threads; dynamic shared memory: as laid out by the host.
/// Dims > 0 fixes d at compile time (the point's coordinates then live in registers); 0 reads it at run time.
template <class Real, int Dims, bool CentroidsShared>
__global__ void __launch_bounds__(assign_threads) assign_and_fold(const assign_args a) {
    using arithmetic = detail::rounded<Real>;
    CHEEGER_DYNAMIC_SHARED(shared);
    // The tile's list of changed rows, in point order: row within the chunk, previous label, new label.
    __shared__ std::int32_t list_row[tile_rows];
    __shared__ std::int32_t list_old[tile_rows];
    __shared__ std::int32_t list_new[tile_rows];
    __shared__ std::int32_t warp_changes[rows_per_thread][warps_per_block];

    const int tid = static_cast<int>(threadIdx.x);
    const int lane = tid & 31;
    const int warp = tid >> 5;
    const unsigned lanes_below = (1u << lane) - 1u;
    const std::int64_t d = Dims > 0 ? Dims : a.d;
    const std::int32_t k = a.k;
    const std::int64_t kd = static_cast<std::int64_t>(k) * d;
    const std::int64_t owners = kd + k;  // delta entries: k * d sums, then k counts
    const std::int64_t n = a.n;
    const std::int64_t slot = blockIdx.x;
    const std::int64_t begin = (a.chunk_begin + slot) * chunk_rows;
    const std::int64_t end = begin + chunk_rows < n ? begin + chunk_rows : n;
    const Real* points = detail::points_of<Real>(a);

    Real* shared_centroids = reinterpret_cast<Real*>(shared + a.centroids_offset);
    double* list_coordinates = reinterpret_cast<double*>(shared + a.list_coordinates_offset);
    // The block's delta entries: in shared memory (copied to the block's slot at the end), or directly in the
    // slot (entry e at e * delta_stride) when they do not fit. Each entry has one owner thread throughout.
    double* accumulator_sums;
    std::int32_t* accumulator_counts;
    std::int64_t accumulator_stride;
    if (a.accumulators_in_shared != 0) {
        accumulator_sums = reinterpret_cast<double*>(shared + a.accumulator_sums_offset);
        accumulator_counts = reinterpret_cast<std::int32_t*>(shared + a.accumulator_counts_offset);
        accumulator_stride = 1;
    } else {
        accumulator_sums = a.delta_sums + slot;
        accumulator_counts = a.delta_counts + slot;
        accumulator_stride = a.delta_stride;
    }

    if (CentroidsShared) {
        for (std::int64_t e = tid; e < kd; e += assign_threads) {
            shared_centroids[e] = arithmetic::from_double(a.centroids[e]);
        }
    }
    for (std::int64_t u = tid; u < owners; u += assign_threads) {
        if (u < kd) {
            accumulator_sums[u * accumulator_stride] = 0.0;
        } else {
            accumulator_counts[(u - kd) * accumulator_stride] = 0;
        }
    }
    unsigned long long block_changes = 0;  // kept by thread 0
    __syncthreads();

    for (std::int64_t tile = begin; tile < end; tile += tile_rows) {
        // 1. Nearest centroid of each of this thread's rows (tile + r * assign_threads + tid).
        std::int32_t nearest[rows_per_thread];
        std::int32_t previous[rows_per_thread];
        bool changed[rows_per_thread];
        if constexpr (Dims > 0) {
            constexpr int D = Dims > 0 ? Dims : 1;
            Real point[rows_per_thread][D];
            Real best[rows_per_thread];
#pragma unroll
            for (int r = 0; r < rows_per_thread; ++r) {
                const std::int64_t i = tile + r * assign_threads + tid;
#pragma unroll
                for (int j = 0; j < D; ++j) point[r][j] = i < end ? points[j * n + i] : Real(0);
                best[r] = arithmetic::infinity();
                nearest[r] = 0;
            }
            for (std::int32_t c = 0; c < k; ++c) {
                Real centroid[D];
#pragma unroll
                for (int j = 0; j < D; ++j) {
                    centroid[j] = detail::centroid_value<Real, CentroidsShared>(shared_centroids, a.centroids,
                                                                                 static_cast<std::int64_t>(c) * D + j);
                }
#pragma unroll
                for (int r = 0; r < rows_per_thread; ++r) {
                    // The CPU starts from 0.0 and adds every square; 0.0 + x == x for the first square (x >= +0),
                    // so starting from it gives the same bits with one addition less.
                    const Real first = arithmetic::sub(point[r][0], centroid[0]);
                    Real sum = arithmetic::mul(first, first);
#pragma unroll
                    for (int j = 1; j < D; ++j) {
                        const Real diff = arithmetic::sub(point[r][j], centroid[j]);
                        sum = arithmetic::add(sum, arithmetic::mul(diff, diff));
                    }
                    if (detail::closer(sum, best[r])) {
                        best[r] = sum;
                        nearest[r] = c;
                    }
                }
            }
        } else {
#pragma unroll
            for (int r = 0; r < rows_per_thread; ++r) {
                const std::int64_t i = tile + r * assign_threads + tid;
                Real best = arithmetic::infinity();
                nearest[r] = 0;
                if (i < end) {
                    for (std::int32_t c = 0; c < k; ++c) {
                        Real sum = Real(0);
                        for (std::int64_t j = 0; j < d; ++j) {
                            const Real diff = arithmetic::sub(
                                points[j * n + i], detail::centroid_value<Real, CentroidsShared>(
                                                       shared_centroids, a.centroids, c * d + j));
                            sum = arithmetic::add(sum, arithmetic::mul(diff, diff));
                        }
                        if (detail::closer(sum, best)) {
                            best = sum;
                            nearest[r] = c;
                        }
                    }
                }
            }
        }

        // 2. Which rows changed; the new labels go out at once.
#pragma unroll
        for (int r = 0; r < rows_per_thread; ++r) {
            const std::int64_t i = tile + r * assign_threads + tid;
            previous[r] = -1;
            changed[r] = false;
            if (i < end) {
                if (a.first_pass == 0) previous[r] = a.labels[i];
                changed[r] = a.first_pass != 0 || nearest[r] != previous[r];
                if (changed[r]) a.labels[i] = nearest[r];
            }
        }

        // 3. The tile's changed rows in point order: row tile + r * assign_threads + tid comes after every row of
        //    the sub-tiles before r, and after the lower threads of sub-tile r.
        unsigned ballots[rows_per_thread];
#pragma unroll
        for (int r = 0; r < rows_per_thread; ++r) {
            ballots[r] = __ballot_sync(0xffffffffu, changed[r] ? 1 : 0);
            if (lane == 0) warp_changes[r][warp] = __popc(ballots[r]);
        }
        __syncthreads();  // (A) the warp counts are complete; every fold of the previous tile is done
        int listed = 0;
#pragma unroll
        for (int r = 0; r < rows_per_thread; ++r) {
            int position = listed;
            for (int w = 0; w < warps_per_block; ++w) {
                const int count = warp_changes[r][w];
                if (w < warp) position += count;
                listed += count;
            }
            if (changed[r]) {
                position += __popc(ballots[r] & lanes_below);
                const std::int64_t i = tile + r * assign_threads + tid;
                list_row[position] = static_cast<std::int32_t>(i - begin);
                list_old[position] = previous[r];
                list_new[position] = nearest[r];
                if (a.list_coordinates != 0) {
                    for (std::int64_t j = 0; j < d; ++j) list_coordinates[position * d + j] = a.points[j * n + i];
                }
            }
        }
        __syncthreads();  // (B) the list is complete (warp_changes is not read again before the next (A))

        // 4. Fold the list into the delta entries, in point order. A changed point leaves `from` (not on the first
        //    pass, where from = -1) and joins `to`: entry (c, j) gets -x_j or +x_j. Entries it does not touch get
        //    -0.0, which leaves every sum's bits unchanged (v + -0.0 == v, also for v = +-0), and v + (-x) is
        //    v - x exactly, so the entry's bits are those of the CPU's "out[j] -= x_j; in[j] += x_j".
        if (listed > 0) {
            for (std::int64_t u = tid; u < owners; u += assign_threads) {
                if (u < kd) {
                    const auto c = static_cast<std::int32_t>(u / d);
                    const std::int64_t j = u - static_cast<std::int64_t>(c) * d;
                    double value = accumulator_sums[u * accumulator_stride];
                    for (int q = 0; q < listed; ++q) {
                        const double x = a.list_coordinates != 0 ? list_coordinates[q * d + j]
                                                                 : a.points[j * n + begin + list_row[q]];
                        const double term = list_new[q] == c ? x : (list_old[q] == c ? -x : -0.0);
                        value = __dadd_rn(value, term);
                    }
                    accumulator_sums[u * accumulator_stride] = value;
                } else {
                    const auto c = static_cast<std::int32_t>(u - kd);
                    const std::int32_t encoded = accumulator_counts[(u - kd) * accumulator_stride];
                    std::int32_t touched = encoded & 1;
                    std::int32_t count = (encoded - touched) / 2;
                    for (int q = 0; q < listed; ++q) {
                        if (list_new[q] == c) {
                            ++count;
                            touched = 1;
                        } else if (list_old[q] == c) {
                            --count;
                            touched = 1;
                        }
                    }
                    accumulator_counts[(u - kd) * accumulator_stride] = 2 * count + touched;
                }
            }
        }
        if (tid == 0) block_changes += static_cast<unsigned long long>(listed);
    }

    // 5. The block's deltas to its slot (same owner mapping as the fold: each thread copies what it wrote).
    if (a.accumulators_in_shared != 0) {
        for (std::int64_t u = tid; u < owners; u += assign_threads) {
            if (u < kd) {
                a.delta_sums[u * a.delta_stride + slot] = accumulator_sums[u];
            } else {
                a.delta_counts[(u - kd) * a.delta_stride + slot] = accumulator_counts[u - kd];
            }
        }
    }
    if (tid == 0 && block_changes != 0) atomicAdd(a.changes, block_changes);
}

/// Adds one wave's chunk deltas to the running sums and counts in chunk order and, on the last wave, makes the
/// new centroids. Grid: k blocks (one per cluster); block: merge_threads; dynamic shared memory:
/// tile_chunks * min(d, merge_threads) doubles + tile_chunks int32.
__global__ void __launch_bounds__(merge_threads) merge_and_update(const merge_args a) {
    CHEEGER_DYNAMIC_SHARED(shared);
    __shared__ unsigned long long count_delta;  // two's complement sum of the wave's count deltas
    const int tid = static_cast<int>(threadIdx.x);
    const std::int32_t c = static_cast<std::int32_t>(blockIdx.x);
    const std::int64_t d = a.d;
    const std::int64_t group_width = d < merge_threads ? d : merge_threads;
    const std::int64_t tile = a.tile_chunks;
    double* tile_sums = reinterpret_cast<double*>(shared);
    std::int32_t* tile_counts = reinterpret_cast<std::int32_t*>(shared + tile * group_width * sizeof(double));

    if (tid == 0) count_delta = 0;
    // Dimensions in groups of merge_threads: thread tid owns dimension group + tid and keeps its running sum in a
    // register over all chunks, adding the touched chunks' deltas in chunk order.
    for (std::int64_t group = 0; group < d; group += merge_threads) {
        const std::int64_t width = d - group < merge_threads ? d - group : merge_threads;
        const std::int64_t j = group + tid;
        double sum = tid < width ? a.sums[static_cast<std::int64_t>(c) * d + j] : 0.0;
        for (std::int64_t first = 0; first < a.wave_chunks; first += tile) {
            const std::int64_t chunks = a.wave_chunks - first < tile ? a.wave_chunks - first : tile;
            __syncthreads();  // the previous tile is no longer read
            for (std::int64_t index = tid; index < chunks * width; index += merge_threads) {
                const std::int64_t dim = index / chunks;
                const std::int64_t s = index - dim * chunks;
                tile_sums[dim * tile + s] =
                    a.delta_sums[(static_cast<std::int64_t>(c) * d + group + dim) * a.delta_stride + first + s];
            }
            for (std::int64_t s = tid; s < chunks; s += merge_threads) {
                tile_counts[s] = a.delta_counts[static_cast<std::int64_t>(c) * a.delta_stride + first + s];
            }
            __syncthreads();
            if (tid < width) {
                for (std::int64_t s = 0; s < chunks; ++s) {
                    // An untouched chunk is skipped, as on the CPU (adding its +0.0 would turn a -0.0 sum into +0.0).
                    sum = __dadd_rn(sum, (tile_counts[s] & 1) != 0 ? tile_sums[static_cast<std::int64_t>(tid) * tile + s]
                                                                   : -0.0);
                }
            }
            if (group == 0) {
                long long local = 0;
                for (std::int64_t s = tid; s < chunks; s += merge_threads) {
                    const std::int32_t encoded = tile_counts[s];
                    local += (encoded - (encoded & 1)) / 2;
                }
                if (local != 0) atomicAdd(&count_delta, static_cast<unsigned long long>(local));
            }
        }
        if (tid < width) a.sums[static_cast<std::int64_t>(c) * d + j] = sum;
    }
    __syncthreads();  // every dimension's sum is written (block-wide visibility of global writes) and counted

    if (tid == 0) {
        const long long count = a.counts[c] + static_cast<long long>(count_delta);
        a.counts[c] = count;
        if (a.last_wave != 0) {
            // As the CPU: centroid = sum / count, or the previous centroid when the cluster is empty; the squared
            // movement summed in dimension order.
            double squared_move = 0.0;
            for (std::int64_t dim = 0; dim < d; ++dim) {
                const std::int64_t e = static_cast<std::int64_t>(c) * d + dim;
                const double current = a.current[e];
                const double value = count > 0 ? __ddiv_rn(a.sums[e], static_cast<double>(count)) : current;
                const double move = __dsub_rn(value, current);
                squared_move = __dadd_rn(squared_move, __dmul_rn(move, move));
                a.next[e] = value;
            }
            // Non-negative doubles order like their bit patterns, so an integer max is the double max.
            atomicMax(&a.status->largest_move_bits, static_cast<unsigned long long>(__double_as_longlong(squared_move)));
            if (c == 0) {
                a.next_status->changes = 0;
                a.next_status->largest_move_bits = 0;
            }
        }
    }
}

/// The inertia of the last pass: the d2 of every point to its centroid (the centroids that pass assigned
/// against, so these are the distances the assignment compared), summed in point order per chunk. Grid: one
/// block per chunk; block: inertia_threads.
__global__ void __launch_bounds__(inertia_threads)
    chunk_inertia(const double* points, const double* centroids, const std::int32_t* labels, std::int64_t n,
                  std::int64_t d, double* chunk_sums) {
    __shared__ double distances[chunk_rows];
    const int tid = static_cast<int>(threadIdx.x);
    const std::int64_t begin = static_cast<std::int64_t>(blockIdx.x) * chunk_rows;
    const std::int64_t rows = n - begin < chunk_rows ? n - begin : chunk_rows;
    for (std::int64_t r = tid; r < rows; r += inertia_threads) {
        const std::int64_t i = begin + r;
        const std::int64_t c = labels[i];
        double sum = 0.0;
        for (std::int64_t j = 0; j < d; ++j) {
            const double diff = __dsub_rn(points[j * n + i], centroids[c * d + j]);
            sum = __dadd_rn(sum, __dmul_rn(diff, diff));
        }
        distances[r] = sum;
    }
    __syncthreads();
    if (tid == 0) {
        double total = 0.0;
        for (std::int64_t r = 0; r < rows; ++r) total = __dadd_rn(total, distances[r]);
        chunk_sums[blockIdx.x] = total;
    }
}

/// Upload: `rows` row-major rows (staging, rows x d) become rows first..first+rows-1 of the structure-of-arrays
/// copy (and of the float copy when points_single is not null). A float value outside +-single_limit (where d2 in
/// float could overflow) sets *out_of_range.
__global__ void __launch_bounds__(transpose_threads)
    transpose_rows(const double* staging, std::int64_t rows, std::int64_t first, std::int64_t n, std::int64_t d,
                   double* points, float* points_single, double single_limit, unsigned int* out_of_range) {
    const std::int64_t r = static_cast<std::int64_t>(blockIdx.x) * transpose_threads + threadIdx.x;
    if (r >= rows) return;
    for (std::int64_t j = 0; j < d; ++j) {
        const double x = staging[r * d + j];
        points[j * n + first + r] = x;
        if (points_single != nullptr) {
            points_single[j * n + first + r] = __double2float_rn(x);
            if (!(x <= single_limit && x >= -single_limit)) *out_of_range = 1u;
        }
    }
}

}  // namespace cheeger::cuda::kmeans_kernels
