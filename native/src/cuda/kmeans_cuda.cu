// cheeger::cuda::kmeans_run: the Lloyd loop of docs/architecture.md on the context's CUDA device (docs/gpu.md,
// "Native CUDA k-means"). The points go up once per call (structure-of-arrays); per pass the host launches
// assign_and_fold and merge_and_update for each wave of chunks (one wave unless the chunk deltas would exceed
// delta_budget_bytes) and reads back only the pass's change count and largest movement (16 bytes). The labels,
// centroids and per-chunk inertia come back after the last pass. All device buffers belong to the context and
// only grow, so a pass allocates nothing.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include "core/context.hpp"
#include "core/stopwatch.hpp"
#include "cuda/cuda_backend.hpp"
#include "cuda/cuda_try.cuh"
#include "cuda/device_buffer.cuh"
#include "cuda/kernel_launch.cuh"
#include "cuda/kmeans_cuda_kernels.cuh"
#include "kmeans/kmeans_layout.hpp"
#include "kmeans/kmeans_workspace.hpp"
#include "kmeans/row_sampler.hpp"

namespace cheeger::cuda {

namespace {

namespace kk = kmeans_kernels;

static_assert(kk::chunk_rows == kmeans::chunk_rows, "the device chunks are the CPU's chunks");

/// Row-major rows staged on the device per upload step before the transpose.
constexpr std::int64_t staging_bytes = std::int64_t{64} << 20;
/// The most device memory the chunk deltas of one wave may take.
constexpr std::int64_t delta_budget_bytes = std::int64_t{256} << 20;
/// Shared memory per block that every architecture grants without an opt-in.
constexpr std::int64_t shared_budget_bytes = 48 * 1024;
/// The static shared memory of assign_and_fold (the tile list and the warp counts).
constexpr std::int64_t assign_static_shared_bytes =
    3 * kk::tile_rows * sizeof(std::int32_t) + kk::rows_per_thread * kk::warps_per_block * sizeof(std::int32_t);

/// The device the backend runs on (the one cheeger_capabilities describes).
constexpr int device_index = 0;

/// A context's CUDA resources: its stream, timing events, a pinned slot for the per-pass status and the buffers.
struct device_state {
    device_state() = default;
    device_state(const device_state&) = delete;
    device_state& operator=(const device_state&) = delete;

    ~device_state() {
        for (cudaEvent_t event : events) (void)cudaEventDestroy(event);
        if (host_status != nullptr) (void)cudaFreeHost(host_status);
        if (stream != nullptr) (void)cudaStreamDestroy(stream);
        (void)cudaGetLastError();
    }

    void open() {
        CHEEGER_CUDA_TRY(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking));
        void* pinned = nullptr;
        CHEEGER_CUDA_TRY(cudaMallocHost(&pinned, sizeof(kk::pass_status)));
        host_status = static_cast<kk::pass_status*>(pinned);
    }

    /// At least `count` timing events.
    void ensure_events(std::size_t count) {
        while (events.size() < count) {
            cudaEvent_t event = nullptr;
            CHEEGER_CUDA_TRY(cudaEventCreate(&event));
            events.push_back(event);
        }
    }

    cudaStream_t stream = nullptr;
    std::vector<cudaEvent_t> events;
    kk::pass_status* host_status = nullptr;

    device_buffer<double> points;
    device_buffer<float> points_single;
    device_buffer<double> staging;
    device_buffer<double> centroids_a;
    device_buffer<double> centroids_b;
    device_buffer<double> sums;
    device_buffer<long long> counts;
    device_buffer<std::int32_t> labels;
    device_buffer<double> delta_sums;
    device_buffer<std::int32_t> delta_counts;
    device_buffer<kk::pass_status> status;
    device_buffer<double> chunk_inertia;
    device_buffer<unsigned int> out_of_range;

    std::vector<double> host_centroids;
    std::vector<double> host_chunk_inertia;
    std::vector<std::int64_t> host_rows;
};

device_state& state_of(cheeger_context_t& context) {
    if (!context.cuda_state) {
        auto state = std::make_shared<device_state>();
        state->open();  // on failure the partly opened state is destroyed here
        context.cuda_state = state;
    }
    return *static_cast<device_state*>(context.cuda_state.get());
}

constexpr std::int64_t align_up(std::int64_t value, std::int64_t alignment) {
    return (value + alignment - 1) / alignment * alignment;
}

/// Where assign_and_fold keeps what in its dynamic shared memory.
struct assign_layout {
    bool centroids_shared = false;
    std::int64_t dynamic_bytes = 0;
    kk::assign_args offsets{};  // only the layout fields are set
};

assign_layout plan_assign(std::int64_t k, std::int64_t d, bool single) {
    assign_layout layout;
    const std::int64_t available = shared_budget_bytes - assign_static_shared_bytes;
    std::int64_t used = 0;
    // Takes `bytes` (8-byte aligned) when they still fit; returns the offset or -1.
    auto take = [&](std::int64_t bytes) -> std::int64_t {
        const std::int64_t at = align_up(used, 16);
        if (at + bytes > available) return -1;
        used = at + bytes;
        return at;
    };
    if (d <= kk::list_coordinates_max_d) {
        const std::int64_t at = take(kk::tile_rows * d * static_cast<std::int64_t>(sizeof(double)));
        layout.offsets.list_coordinates = at >= 0 ? 1 : 0;
        layout.offsets.list_coordinates_offset = static_cast<std::int32_t>(std::max<std::int64_t>(at, 0));
    }
    const std::int64_t centroid_bytes = k * d * (single ? sizeof(float) : sizeof(double));
    const std::int64_t centroids_at = take(centroid_bytes);
    layout.centroids_shared = centroids_at >= 0;
    layout.offsets.centroids_offset = static_cast<std::int32_t>(std::max<std::int64_t>(centroids_at, 0));
    const std::int64_t before_accumulators = used;
    const std::int64_t sums_at = take(k * d * static_cast<std::int64_t>(sizeof(double)));
    const std::int64_t counts_at = sums_at >= 0 ? take(k * static_cast<std::int64_t>(sizeof(std::int32_t))) : -1;
    if (sums_at >= 0 && counts_at >= 0) {
        layout.offsets.accumulators_in_shared = 1;
        layout.offsets.accumulator_sums_offset = static_cast<std::int32_t>(sums_at);
        layout.offsets.accumulator_counts_offset = static_cast<std::int32_t>(counts_at);
    } else {
        used = before_accumulators;
        layout.offsets.accumulators_in_shared = 0;
    }
    layout.dynamic_bytes = used;
    return layout;
}

template <class Real, int Dims, bool CentroidsShared>
void launch_assign(std::int64_t blocks, std::int64_t shared_bytes, cudaStream_t stream, const kk::assign_args& args) {
    launch(&kk::assign_and_fold<Real, Dims, CentroidsShared>, dim3(static_cast<unsigned>(blocks)),
           dim3(kk::assign_threads), static_cast<std::size_t>(shared_bytes), stream, args);
}

template <class Real, bool CentroidsShared>
void launch_assign_for_d(std::int64_t d, std::int64_t blocks, std::int64_t shared_bytes, cudaStream_t stream,
                         const kk::assign_args& args) {
    switch (d) {
        case 1: launch_assign<Real, 1, CentroidsShared>(blocks, shared_bytes, stream, args); break;
        case 2: launch_assign<Real, 2, CentroidsShared>(blocks, shared_bytes, stream, args); break;
        case 3: launch_assign<Real, 3, CentroidsShared>(blocks, shared_bytes, stream, args); break;
        case 4: launch_assign<Real, 4, CentroidsShared>(blocks, shared_bytes, stream, args); break;
        default: launch_assign<Real, 0, CentroidsShared>(blocks, shared_bytes, stream, args); break;
    }
}

void launch_assign_kernel(bool single, bool centroids_shared, std::int64_t d, std::int64_t blocks,
                          std::int64_t shared_bytes, cudaStream_t stream, const kk::assign_args& args) {
    if (single) {
        if (centroids_shared) {
            launch_assign_for_d<float, true>(d, blocks, shared_bytes, stream, args);
        } else {
            launch_assign_for_d<float, false>(d, blocks, shared_bytes, stream, args);
        }
    } else if (centroids_shared) {
        launch_assign_for_d<double, true>(d, blocks, shared_bytes, stream, args);
    } else {
        launch_assign_for_d<double, false>(d, blocks, shared_bytes, stream, args);
    }
    CHEEGER_CUDA_CHECK_LAUNCH("assign_and_fold");
}

double milliseconds_between(cudaEvent_t start, cudaEvent_t end) {
    float milliseconds = 0.0F;
    CHEEGER_CUDA_TRY(cudaEventElapsedTime(&milliseconds, start, end));
    return static_cast<double>(milliseconds);
}

/// Largest |x| for which every float d2 of d dimensions stays finite: (2|x|)^2 * d <= FLT_MAX.
double single_precision_limit(std::int64_t d) { return std::sqrt(static_cast<double>(FLT_MAX) / (4.0 * static_cast<double>(d))); }

}  // namespace

void kmeans_run(cheeger_context_t& context, const kmeans::request& call, cheeger_kmeans_info& info) {
    stopwatch watch;
    CHEEGER_CUDA_TRY(cudaSetDevice(device_index));
    device_state& state = state_of(context);
    cudaStream_t stream = state.stream;

    const std::int64_t n = call.n;
    const std::int64_t d = call.d;
    const std::int64_t k = call.params.k;
    const std::int64_t kd = k * d;
    const bool single = call.params.precision == CHEEGER_PRECISION_SINGLE;
    const std::int64_t chunks = kmeans::chunk_count(n);
    const std::int64_t delta_bytes_per_chunk =
        kd * static_cast<std::int64_t>(sizeof(double)) + k * static_cast<std::int64_t>(sizeof(std::int32_t));
    const std::int64_t wave_override = kmeans::wave_chunks_override();  // tests: force several waves
    const std::int64_t wave_capacity = std::clamp<std::int64_t>(
        wave_override > 0 ? wave_override : delta_budget_bytes / delta_bytes_per_chunk, 1, chunks);
    const std::int64_t waves = (chunks + wave_capacity - 1) / wave_capacity;
    const double limit = single_precision_limit(d);

    // The initial centroids, on the host (the caller's, or the sampled rows).
    state.host_centroids.resize(static_cast<std::size_t>(kd));
    if (call.initial_centroids != nullptr) {
        std::memcpy(state.host_centroids.data(), call.initial_centroids, static_cast<std::size_t>(kd) * sizeof(double));
    } else {
        state.host_rows.resize(static_cast<std::size_t>(k));
        kmeans::sample_rows(n, k, call.params.seed, state.host_rows.data());
        for (std::int64_t c = 0; c < k; ++c) {
            std::memcpy(state.host_centroids.data() + c * d, call.points + state.host_rows[static_cast<std::size_t>(c)] * d,
                        static_cast<std::size_t>(d) * sizeof(double));
        }
    }
    if (single) {
        for (std::int64_t e = 0; e < kd; ++e) {
            const double value = state.host_centroids[static_cast<std::size_t>(e)];
            if (!(std::fabs(value) <= limit)) {
                throw error(CHEEGER_STATUS_INVALID_ARGUMENT,
                            message("initial_centroids[", e / d, "][", e % d, "] = ", value, " exceeds +-", limit,
                                    ", beyond which squared distances overflow single precision; use "
                                    "CHEEGER_PRECISION_DOUBLE"));
            }
        }
    }

    // Device buffers (grown only when this call is larger than every earlier one on the context).
    state.points.ensure(n * d, "the k-means points");
    if (single) state.points_single.ensure(n * d, "the k-means points in single precision");
    const std::int64_t staging_rows = std::clamp<std::int64_t>(staging_bytes / (d * 8), 1, n);
    state.staging.ensure(staging_rows * d, "the k-means upload staging buffer");
    state.centroids_a.ensure(kd, "the k-means centroids");
    state.centroids_b.ensure(kd, "the k-means centroids");
    state.sums.ensure(kd, "the k-means cluster sums");
    state.counts.ensure(k, "the k-means cluster counts");
    state.labels.ensure(n, "the k-means labels");
    state.delta_sums.ensure(wave_capacity * kd, "the k-means chunk delta sums");
    state.delta_counts.ensure(wave_capacity * k, "the k-means chunk delta counts");
    state.status.ensure(2, "the k-means pass status");
    state.chunk_inertia.ensure(chunks, "the k-means chunk inertia");
    state.out_of_range.ensure(1, "the single-precision range flag");
    state.ensure_events(static_cast<std::size_t>(2 * waves + 1));

    // Upload: row-major rows through the staging buffer, transposed on the device.
    CHEEGER_CUDA_TRY(cudaMemsetAsync(state.out_of_range.data(), 0, sizeof(unsigned int), stream));
    for (std::int64_t first = 0; first < n; first += staging_rows) {
        const std::int64_t rows = std::min(staging_rows, n - first);
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(state.staging.data(), call.points + first * d,
                                         static_cast<std::size_t>(rows * d) * sizeof(double), cudaMemcpyHostToDevice,
                                         stream));
        const auto blocks = static_cast<unsigned>((rows + kk::transpose_threads - 1) / kk::transpose_threads);
        launch(&kk::transpose_rows, dim3(blocks), dim3(kk::transpose_threads), 0, stream, state.staging.data(), rows,
               first, n, d, state.points.data(), single ? state.points_single.data() : nullptr, limit,
               state.out_of_range.data());
        CHEEGER_CUDA_CHECK_LAUNCH("transpose_rows");
    }
    double* current = state.centroids_a.data();
    double* next = state.centroids_b.data();
    CHEEGER_CUDA_TRY(cudaMemcpyAsync(current, state.host_centroids.data(), static_cast<std::size_t>(kd) * sizeof(double),
                                     cudaMemcpyHostToDevice, stream));
    CHEEGER_CUDA_TRY(cudaMemsetAsync(state.sums.data(), 0, static_cast<std::size_t>(kd) * sizeof(double), stream));
    CHEEGER_CUDA_TRY(cudaMemsetAsync(state.counts.data(), 0, static_cast<std::size_t>(k) * sizeof(long long), stream));
    CHEEGER_CUDA_TRY(cudaMemsetAsync(state.status.data(), 0, 2 * sizeof(kk::pass_status), stream));
    if (single) {
        unsigned int out_of_range = 0;
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(&out_of_range, state.out_of_range.data(), sizeof out_of_range,
                                         cudaMemcpyDeviceToHost, stream));
        CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream));
        if (out_of_range != 0) {
            throw error(CHEEGER_STATUS_INVALID_ARGUMENT,
                        message("the points have values beyond +-", limit,
                                ", where squared distances overflow single precision; use CHEEGER_PRECISION_DOUBLE"));
        }
    }
    CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream));

    const assign_layout layout = plan_assign(k, d, single);
    kk::assign_args assign = layout.offsets;
    assign.points = state.points.data();
    assign.points_single = single ? state.points_single.data() : nullptr;
    assign.labels = state.labels.data();
    assign.delta_sums = state.delta_sums.data();
    assign.delta_counts = state.delta_counts.data();
    assign.n = n;
    assign.d = d;
    assign.k = static_cast<std::int32_t>(k);
    assign.delta_stride = wave_capacity;

    kk::merge_args merge{};
    merge.delta_sums = state.delta_sums.data();
    merge.delta_counts = state.delta_counts.data();
    merge.sums = state.sums.data();
    merge.counts = state.counts.data();
    merge.d = d;
    merge.k = static_cast<std::int32_t>(k);
    merge.delta_stride = wave_capacity;
    const std::int64_t group_width = std::min<std::int64_t>(d, kk::merge_threads);
    merge.tile_chunks = static_cast<std::int32_t>(std::clamp<std::int64_t>(4096 / group_width, 8, 1024));
    const std::int64_t merge_shared_bytes =
        merge.tile_chunks * group_width * static_cast<std::int64_t>(sizeof(double)) +
        merge.tile_chunks * static_cast<std::int64_t>(sizeof(std::int32_t));

    info = cheeger_kmeans_info{};
    info.backend = CHEEGER_BACKEND_CUDA;
    info.seconds_init = watch.seconds();
    // seconds_assign: the assign kernels' device time (events); seconds_update: the rest of the passes' wall time
    // (merge kernels, the status read-back and its synchronisation), so that the two add up to the loop's wall time.
    double milliseconds_assign = 0.0;
    watch.restart();

    // The study's loop, as on the CPU: on while more than floor(n / 100) points changed, at most max_iterations
    // passes, and stop when the tolerance is positive and no centroid moved more than it.
    const std::int64_t threshold = n / 100;
    const double tolerance = call.params.tolerance;
    std::int64_t changes = n;
    std::int32_t iterations = 0;
    int slot = 0;
    while (changes > threshold && iterations < call.params.max_iterations) {
        kk::pass_status* status = state.status.data() + slot;
        assign.centroids = current;
        assign.changes = &status->changes;
        assign.first_pass = iterations == 0 ? 1 : 0;
        merge.current = current;
        merge.next = next;
        merge.status = status;
        merge.next_status = state.status.data() + (1 - slot);
        CHEEGER_CUDA_TRY(cudaEventRecord(state.events[0], stream));
        for (std::int64_t wave = 0; wave < waves; ++wave) {
            const std::int64_t wave_begin = wave * wave_capacity;
            const std::int64_t wave_chunks = std::min(wave_capacity, chunks - wave_begin);
            assign.chunk_begin = wave_begin;
            launch_assign_kernel(single, layout.centroids_shared, d, wave_chunks, layout.dynamic_bytes, stream, assign);
            CHEEGER_CUDA_TRY(cudaEventRecord(state.events[static_cast<std::size_t>(2 * wave + 1)], stream));
            merge.wave_chunks = wave_chunks;
            merge.last_wave = wave == waves - 1 ? 1 : 0;
            launch(&kk::merge_and_update, dim3(static_cast<unsigned>(k)), dim3(kk::merge_threads),
                   static_cast<std::size_t>(merge_shared_bytes), stream, merge);
            CHEEGER_CUDA_CHECK_LAUNCH("merge_and_update");
            CHEEGER_CUDA_TRY(cudaEventRecord(state.events[static_cast<std::size_t>(2 * wave + 2)], stream));
        }
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(state.host_status, status, sizeof(kk::pass_status), cudaMemcpyDeviceToHost,
                                         stream));
        CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream));
        for (std::int64_t wave = 0; wave < waves; ++wave) {
            const auto at = static_cast<std::size_t>(2 * wave);
            milliseconds_assign += milliseconds_between(state.events[at], state.events[at + 1]);
        }
        changes = static_cast<std::int64_t>(state.host_status->changes);
        double largest_squared_move = 0.0;
        std::memcpy(&largest_squared_move, &state.host_status->largest_move_bits, sizeof largest_squared_move);
        context.kmeans_changes_per_pass.push_back(changes);
        std::swap(current, next);
        slot = 1 - slot;
        ++iterations;
        if (tolerance > 0.0 && std::sqrt(largest_squared_move) <= tolerance) break;
    }
    const double seconds_loop = watch.seconds();
    info.seconds_assign = std::min(milliseconds_assign / 1000.0, seconds_loop);
    info.seconds_update = seconds_loop - info.seconds_assign;

    // Results: labels, the centroids, and the last pass's inertia (d2 to the centroids it assigned against, now
    // in `next`), summed per chunk on the device and over chunks here, in chunk order, as on the CPU.
    launch(&kk::chunk_inertia, dim3(static_cast<unsigned>(chunks)), dim3(kk::inertia_threads), 0, stream,
           state.points.data(), next, state.labels.data(), n, d, state.chunk_inertia.data());
    CHEEGER_CUDA_CHECK_LAUNCH("chunk_inertia");
    state.host_chunk_inertia.resize(static_cast<std::size_t>(chunks));
    CHEEGER_CUDA_TRY(cudaMemcpyAsync(state.host_chunk_inertia.data(), state.chunk_inertia.data(),
                                     static_cast<std::size_t>(chunks) * sizeof(double), cudaMemcpyDeviceToHost, stream));
    CHEEGER_CUDA_TRY(cudaMemcpyAsync(call.labels_out, state.labels.data(), static_cast<std::size_t>(n) * sizeof(std::int32_t),
                                     cudaMemcpyDeviceToHost, stream));
    CHEEGER_CUDA_TRY(cudaMemcpyAsync(call.centroids_out, current, static_cast<std::size_t>(kd) * sizeof(double),
                                     cudaMemcpyDeviceToHost, stream));
    CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream));
    double inertia = 0.0;
    for (const double chunk_sum : state.host_chunk_inertia) inertia += chunk_sum;

    info.iterations = iterations;
    info.last_changes = changes;
    info.inertia = inertia;
}

}  // namespace cheeger::cuda
