// The k-means stages of a CUDA context (kmeans_backend.hpp; docs/gpu.md, "Native CUDA k-means"). The points go up
// once per call (structure-of-arrays); per pass the host launches assign_and_fold and merge_and_update for each
// wave of chunks (one wave unless the chunk deltas would exceed delta_budget_bytes) and reads back only the pass's
// change count and largest movement (16 bytes). The labels, centroids and per-chunk inertia come back after the
// last pass. All device buffers belong to the stages and only grow, so a pass allocates nothing.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include "cuda/cuda_backend.hpp"
#include "cuda/cuda_try.cuh"
#include "cuda/device_buffer.cuh"
#include "cuda/device_state.cuh"
#include "cuda/kernel_launch.cuh"
#include "cuda/kmeans_cuda_kernels.cuh"
#include "kmeans/initial_centroids.hpp"
#include "kmeans/kmeans_layout.hpp"
#include "kmeans/kmeans_workspace.hpp"

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

class cuda_stages final : public kmeans::stage_backend {
public:
    explicit cuda_stages(device_state& device) : device_(device) {
        device_.select();
        // Last: nothing after it throws, so the destructor (which a throwing constructor skips) always releases it.
        void* pinned = nullptr;
        CHEEGER_CUDA_TRY(cudaMallocHost(&pinned, sizeof(kk::pass_status)));
        host_status_ = static_cast<kk::pass_status*>(pinned);
    }

    cuda_stages(const cuda_stages&) = delete;
    cuda_stages& operator=(const cuda_stages&) = delete;

    ~cuda_stages() override {
        for (cudaEvent_t event : events_) (void)cudaEventDestroy(event);
        if (host_status_ != nullptr) (void)cudaFreeHost(host_status_);
        (void)cudaGetLastError();
    }

    [[nodiscard]] cheeger_backend kind() const noexcept override { return CHEEGER_BACKEND_CUDA; }

    void load(const kmeans::request& call) override {
        device_.select();
        cudaStream_t stream = device_.stream();
        call_ = call;
        const std::int64_t n = call.n;
        const std::int64_t d = call.d;
        const std::int64_t k = call.params.k;
        const std::int64_t kd = k * d;
        single_ = call.params.precision == CHEEGER_PRECISION_SINGLE;
        chunks_ = kmeans::chunk_count(n);
        const std::int64_t delta_bytes_per_chunk =
            kd * static_cast<std::int64_t>(sizeof(double)) + k * static_cast<std::int64_t>(sizeof(std::int32_t));
        const std::int64_t wave_override = kmeans::wave_chunks_override();  // tests: force several waves
        wave_capacity_ = std::clamp<std::int64_t>(
            wave_override > 0 ? wave_override : delta_budget_bytes / delta_bytes_per_chunk, 1, chunks_);
        waves_ = (chunks_ + wave_capacity_ - 1) / wave_capacity_;
        const double limit = single_precision_limit(d);

        // The initial centroids, on the host (the caller's, or the sampled rows).
        host_centroids_.resize(static_cast<std::size_t>(kd));
        host_rows_.resize(static_cast<std::size_t>(k));
        kmeans::initial_centroids(call, host_centroids_.data(), host_rows_.data());
        if (single_) {
            for (std::int64_t e = 0; e < kd; ++e) {
                const double value = host_centroids_[static_cast<std::size_t>(e)];
                if (!(std::fabs(value) <= limit)) {
                    throw error(CHEEGER_STATUS_INVALID_ARGUMENT,
                                message("initial_centroids[", e / d, "][", e % d, "] = ", value, " exceeds +-", limit,
                                        ", beyond which squared distances overflow single precision; use "
                                        "CHEEGER_PRECISION_DOUBLE"));
                }
            }
        }

        // Device buffers (grown only when this call is larger than every earlier one on these stages).
        points_.ensure(n * d, "the k-means points");
        if (single_) points_single_.ensure(n * d, "the k-means points in single precision");
        const std::int64_t staging_rows = std::clamp<std::int64_t>(staging_bytes / (d * 8), 1, n);
        staging_.ensure(staging_rows * d, "the k-means upload staging buffer");
        centroids_a_.ensure(kd, "the k-means centroids");
        centroids_b_.ensure(kd, "the k-means centroids");
        sums_.ensure(kd, "the k-means cluster sums");
        counts_.ensure(k, "the k-means cluster counts");
        labels_.ensure(n, "the k-means labels");
        delta_sums_.ensure(wave_capacity_ * kd, "the k-means chunk delta sums");
        delta_counts_.ensure(wave_capacity_ * k, "the k-means chunk delta counts");
        status_.ensure(2, "the k-means pass status");
        chunk_inertia_.ensure(chunks_, "the k-means chunk inertia");
        out_of_range_.ensure(1, "the single-precision range flag");
        ensure_events(static_cast<std::size_t>(2 * waves_ + 1));

        // Upload: row-major rows through the staging buffer, transposed on the device.
        CHEEGER_CUDA_TRY(cudaMemsetAsync(out_of_range_.data(), 0, sizeof(unsigned int), stream));
        for (std::int64_t first = 0; first < n; first += staging_rows) {
            const std::int64_t rows = std::min(staging_rows, n - first);
            CHEEGER_CUDA_TRY(cudaMemcpyAsync(staging_.data(), call.points + first * d,
                                             static_cast<std::size_t>(rows * d) * sizeof(double),
                                             cudaMemcpyHostToDevice, stream));
            const auto blocks = static_cast<unsigned>((rows + kk::transpose_threads - 1) / kk::transpose_threads);
            launch(&kk::transpose_rows, dim3(blocks), dim3(kk::transpose_threads), 0, stream, staging_.data(), rows,
                   first, n, d, points_.data(), single_ ? points_single_.data() : nullptr, limit,
                   out_of_range_.data());
            CHEEGER_CUDA_CHECK_LAUNCH("transpose_rows");
        }
        current_ = centroids_a_.data();
        next_ = centroids_b_.data();
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(current_, host_centroids_.data(), static_cast<std::size_t>(kd) * sizeof(double),
                                         cudaMemcpyHostToDevice, stream));
        CHEEGER_CUDA_TRY(cudaMemsetAsync(sums_.data(), 0, static_cast<std::size_t>(kd) * sizeof(double), stream));
        CHEEGER_CUDA_TRY(cudaMemsetAsync(counts_.data(), 0, static_cast<std::size_t>(k) * sizeof(long long), stream));
        CHEEGER_CUDA_TRY(cudaMemsetAsync(status_.data(), 0, 2 * sizeof(kk::pass_status), stream));
        if (single_) {
            unsigned int out_of_range = 0;
            CHEEGER_CUDA_TRY(cudaMemcpyAsync(&out_of_range, out_of_range_.data(), sizeof out_of_range,
                                             cudaMemcpyDeviceToHost, stream));
            CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream));
            if (out_of_range != 0) {
                throw error(CHEEGER_STATUS_INVALID_ARGUMENT,
                            message("the points have values beyond +-", limit,
                                    ", where squared distances overflow single precision; use CHEEGER_PRECISION_DOUBLE"));
            }
        }
        CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream));

        const assign_layout layout = plan_assign(k, d, single_);
        centroids_shared_ = layout.centroids_shared;
        assign_dynamic_bytes_ = layout.dynamic_bytes;
        assign_ = layout.offsets;
        assign_.points = points_.data();
        assign_.points_single = single_ ? points_single_.data() : nullptr;
        assign_.labels = labels_.data();
        assign_.delta_sums = delta_sums_.data();
        assign_.delta_counts = delta_counts_.data();
        assign_.n = n;
        assign_.d = d;
        assign_.k = static_cast<std::int32_t>(k);
        assign_.delta_stride = wave_capacity_;

        merge_ = kk::merge_args{};
        merge_.delta_sums = delta_sums_.data();
        merge_.delta_counts = delta_counts_.data();
        merge_.sums = sums_.data();
        merge_.counts = counts_.data();
        merge_.d = d;
        merge_.k = static_cast<std::int32_t>(k);
        merge_.delta_stride = wave_capacity_;
        const std::int64_t group_width = std::min<std::int64_t>(d, kk::merge_threads);
        merge_.tile_chunks = static_cast<std::int32_t>(std::clamp<std::int64_t>(4096 / group_width, 8, 1024));
        merge_shared_bytes_ = merge_.tile_chunks * group_width * static_cast<std::int64_t>(sizeof(double)) +
                              merge_.tile_chunks * static_cast<std::int64_t>(sizeof(std::int32_t));
        slot_ = 0;
    }

    // seconds_assign: the assign kernels' device time (events); the rest of the pass (merge kernels, the status
    // read-back and its synchronisation) is the update's.
    kmeans::pass_outcome pass(bool first_pass) override {
        device_.select();
        cudaStream_t stream = device_.stream();
        kk::pass_status* status = status_.data() + slot_;
        assign_.centroids = current_;
        assign_.changes = &status->changes;
        assign_.first_pass = first_pass ? 1 : 0;
        merge_.current = current_;
        merge_.next = next_;
        merge_.status = status;
        merge_.next_status = status_.data() + (1 - slot_);
        CHEEGER_CUDA_TRY(cudaEventRecord(events_[0], stream));
        for (std::int64_t wave = 0; wave < waves_; ++wave) {
            const std::int64_t wave_begin = wave * wave_capacity_;
            const std::int64_t wave_chunks = std::min(wave_capacity_, chunks_ - wave_begin);
            assign_.chunk_begin = wave_begin;
            launch_assign_kernel(single_, centroids_shared_, call_.d, wave_chunks, assign_dynamic_bytes_, stream,
                                 assign_);
            CHEEGER_CUDA_TRY(cudaEventRecord(events_[static_cast<std::size_t>(2 * wave + 1)], stream));
            merge_.wave_chunks = wave_chunks;
            merge_.last_wave = wave == waves_ - 1 ? 1 : 0;
            launch(&kk::merge_and_update, dim3(static_cast<unsigned>(call_.params.k)), dim3(kk::merge_threads),
                   static_cast<std::size_t>(merge_shared_bytes_), stream, merge_);
            CHEEGER_CUDA_CHECK_LAUNCH("merge_and_update");
            CHEEGER_CUDA_TRY(cudaEventRecord(events_[static_cast<std::size_t>(2 * wave + 2)], stream));
        }
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(host_status_, status, sizeof(kk::pass_status), cudaMemcpyDeviceToHost,
                                         stream));
        CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream));
        double milliseconds_assign = 0.0;
        for (std::int64_t wave = 0; wave < waves_; ++wave) {
            const auto at = static_cast<std::size_t>(2 * wave);
            milliseconds_assign += milliseconds_between(events_[at], events_[at + 1]);
        }
        kmeans::pass_outcome outcome{};
        outcome.changes = static_cast<std::int64_t>(host_status_->changes);
        double largest_squared_move = 0.0;
        std::memcpy(&largest_squared_move, &host_status_->largest_move_bits, sizeof largest_squared_move);
        outcome.largest_move = std::sqrt(largest_squared_move);
        outcome.seconds_assign = milliseconds_assign / 1000.0;
        std::swap(current_, next_);
        slot_ = 1 - slot_;
        return outcome;
    }

    // Labels, the centroids, and the last pass's inertia (d2 to the centroids it assigned against, now in next_),
    // summed per chunk on the device and over chunks here, in chunk order, as on the CPU.
    double finish() override {
        device_.select();
        cudaStream_t stream = device_.stream();
        const std::int64_t n = call_.n;
        const std::int64_t kd = call_.params.k * call_.d;
        launch(&kk::chunk_inertia, dim3(static_cast<unsigned>(chunks_)), dim3(kk::inertia_threads), 0, stream,
               points_.data(), next_, labels_.data(), n, call_.d, chunk_inertia_.data());
        CHEEGER_CUDA_CHECK_LAUNCH("chunk_inertia");
        host_chunk_inertia_.resize(static_cast<std::size_t>(chunks_));
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(host_chunk_inertia_.data(), chunk_inertia_.data(),
                                         static_cast<std::size_t>(chunks_) * sizeof(double), cudaMemcpyDeviceToHost,
                                         stream));
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(call_.labels_out, labels_.data(),
                                         static_cast<std::size_t>(n) * sizeof(std::int32_t), cudaMemcpyDeviceToHost,
                                         stream));
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(call_.centroids_out, current_, static_cast<std::size_t>(kd) * sizeof(double),
                                         cudaMemcpyDeviceToHost, stream));
        CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream));
        double inertia = 0.0;
        for (const double chunk_sum : host_chunk_inertia_) inertia += chunk_sum;
        return inertia;
    }

private:
    /// At least `count` timing events.
    void ensure_events(std::size_t count) {
        while (events_.size() < count) {
            cudaEvent_t event = nullptr;
            CHEEGER_CUDA_TRY(cudaEventCreate(&event));
            events_.push_back(event);
        }
    }

    device_state& device_;
    std::vector<cudaEvent_t> events_;
    kk::pass_status* host_status_ = nullptr;  // pinned: the per-pass read-back

    // The call being run (set by load).
    kmeans::request call_{};
    bool single_ = false;
    std::int64_t chunks_ = 0;
    std::int64_t wave_capacity_ = 1;
    std::int64_t waves_ = 1;
    bool centroids_shared_ = false;
    std::int64_t assign_dynamic_bytes_ = 0;
    std::int64_t merge_shared_bytes_ = 0;
    kk::assign_args assign_{};
    kk::merge_args merge_{};
    double* current_ = nullptr;  // the centroids the next pass assigns against
    double* next_ = nullptr;
    int slot_ = 0;  // the status slot of the next pass

    device_buffer<double> points_;
    device_buffer<float> points_single_;
    device_buffer<double> staging_;
    device_buffer<double> centroids_a_;
    device_buffer<double> centroids_b_;
    device_buffer<double> sums_;
    device_buffer<long long> counts_;
    device_buffer<std::int32_t> labels_;
    device_buffer<double> delta_sums_;
    device_buffer<std::int32_t> delta_counts_;
    device_buffer<kk::pass_status> status_;
    device_buffer<double> chunk_inertia_;
    device_buffer<unsigned int> out_of_range_;

    std::vector<double> host_centroids_;
    std::vector<double> host_chunk_inertia_;
    std::vector<std::int64_t> host_rows_;
};

}  // namespace

std::unique_ptr<kmeans::stage_backend> make_kmeans_stages(device_state& device) {
    return std::make_unique<cuda_stages>(device);
}

}  // namespace cheeger::cuda
