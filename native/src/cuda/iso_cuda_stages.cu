// cheeger::cuda::make_iso_stages: the isoperimetric stages of a CUDA context (iso_backend.hpp). On the device:
// the spanning tree (Prim: the whole loop in one cooperative kernel; or Boruvka: O(log n) rounds of kernels, one
// count read back per round, Prim's order then recovered on the host from the n - 1 edges), the decisions of the epsilon search (the level/pull
// form; only F(epsilon) comes back per probe, the final decision's arrays once) and the nearest fill. The graph
// degree of the "graph" weight model runs on the CPU stages: its flows call the C library's exp, whose last bits
// the device's exp does not reproduce, and every backend must give the same labels.
#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "cuda/boruvka_cuda_kernels.cuh"
#include "cuda/cuda_backend.hpp"
#include "cuda/cuda_try.cuh"
#include "cuda/device_buffer.cuh"
#include "cuda/device_state.cuh"
#include "cuda/grid_barrier.cuh"
#include "cuda/iso_cuda_kernels.cuh"
#include "cuda/kernel_launch.cuh"
#include "iso/iso_backend.hpp"
#include "iso/iso_cpu_stages.hpp"
#include "iso/prim_order_on_tree.hpp"

namespace cheeger::cuda {

namespace {

namespace ik = iso_kernels;
namespace bk = boruvka_kernels;
using iso::decision_output;
using iso::decision_tree;
using iso::tree_output;

/// Row-major points staged per upload step.
constexpr std::int64_t staging_rows_max = std::int64_t{1} << 20;

class cuda_stages final : public iso::stage_backend {
public:
    cuda_stages(device_state& device, thread_pool& pool)
        : device_(device), stream_(device.stream()), cpu_(iso::make_cpu_stages(pool)) {
        device_.select();
        int cooperative = 0;
        CHEEGER_CUDA_TRY(cudaDeviceGetAttribute(&cooperative, cudaDevAttrCooperativeLaunch, device_index));
        if (cooperative == 0) {
            throw error(CHEEGER_STATUS_UNSUPPORTED,
                        "the CUDA device does not support cooperative launches, which the isoperimetric stages need");
        }
        CHEEGER_CUDA_TRY(cudaDeviceGetAttribute(&multiprocessors_, cudaDevAttrMultiProcessorCount, device_index));
        barrier_.ensure(1, "the grid barrier");
        count_.ensure(1, "the decision count");
    }

    cuda_stages(const cuda_stages&) = delete;
    cuda_stages& operator=(const cuda_stages&) = delete;
    ~cuda_stages() override = default;

    [[nodiscard]] cheeger_backend kind() const noexcept override { return CHEEGER_BACKEND_CUDA; }

    void minimum_spanning_tree(const double* points, std::int64_t n, std::int64_t d,
                               cheeger_iso_spanning_tree algorithm, const tree_output& out,
                               const iso::progress_sink& progress) override {
        device_.select();
        if (n == 1) {
            out.parent[0] = -1;
            out.squared_length[0] = 0.0;
            out.order[0] = 0;
            return;
        }
        upload_points(points, n, d);
        const bool boruvka = algorithm == CHEEGER_ISO_SPANNING_TREE_BORUVKA ||
                             (algorithm == CHEEGER_ISO_SPANNING_TREE_AUTO && n >= CHEEGER_ISO_BORUVKA_MIN_POINTS);
        if (boruvka) {
            boruvka_tree(n, d, out, progress);
        } else {
            prim_tree(n, d, out);
        }
    }

    // Prim's tree in one cooperative kernel (iso_cuda_kernels.cuh); the points are on the device.
    void prim_tree(std::int64_t n, std::int64_t d, const tree_output& out) {
        key_.ensure(n, "the Prim kept-edge lengths");
        kept_parent_.ensure(n, "the Prim kept-edge parents");
        in_tree_.ensure(n, "the Prim tree flags");
        parent_.ensure(n, "the tree parents");
        length_.ensure(n, "the tree edge lengths");
        order_.ensure(n, "the tree insertion order");
        const int blocks = cooperative_blocks(reinterpret_cast<const void*>(&ik::prim_tree), ik::prim_threads, n);
        candidates_.ensure(2 * std::int64_t{blocks}, "the Prim block candidates");

        ik::prim_args args{};
        args.points = points_.data();
        args.n = n;
        args.d = d;
        args.key = key_.data();
        args.kept_parent = kept_parent_.data();
        args.in_tree = in_tree_.data();
        args.candidates = candidates_.data();
        args.parent_out = parent_.data();
        args.length_out = length_.data();
        args.order_out = order_.data();
        args.barrier = barrier_.data();
        CHEEGER_CUDA_TRY(cudaMemsetAsync(barrier_.data(), 0, sizeof(grid_barrier_state), stream_));
        CHEEGER_CUDA_TRY(
            launch_cooperative(&ik::prim_tree, dim3(blocks), dim3(ik::prim_threads), 0, stream_, args));
        download(out.parent, parent_.data(), n);
        download(out.squared_length, length_.data(), n);
        download(out.order, order_.data(), n);
        CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream_));
    }

    void graph_degree(const double* points, std::int64_t n, std::int64_t d, cheeger_iso_kernel kernel, double sigma,
                      double* degree_out) override {
        cpu_->graph_degree(points, n, d, kernel, sigma, degree_out);
    }

    void load_tree(const decision_tree& tree) override {
        device_.select();
        tree_ = tree;
        const std::int64_t n = tree.n;
        const std::int64_t levels = std::int64_t{tree.max_depth} + 2;
        child_start_.ensure(n + 1, "the tree's child offsets");
        level_start_.ensure(levels, "the tree's level offsets");
        flow_.ensure(n, "the tree's parent flows");
        weight_.ensure(n, "the tree's vertex weights");
        potential_.ensure(n, "the tree's potentials");
        value_.ensure(n, "the decision values");
        good_.ensure(n, "the decision closing flags");
        joined_.ensure(n, "the decision join flags");
        upload(child_start_.data(), tree.child_start, n + 1);
        upload(level_start_.data(), tree.level_start, levels);
        upload(flow_.data(), tree.flow_at, n);
        upload(weight_.data(), tree.weight_at, n);
        upload(potential_.data(), tree.potential_at, n);
        // Position 0 is the root, which no parent writes: never joined.
        CHEEGER_CUDA_TRY(cudaMemsetAsync(joined_.data(), 0, static_cast<std::size_t>(n), stream_));
        decide_blocks_ = cooperative_blocks(reinterpret_cast<const void*>(&ik::decide_levels), ik::decide_threads, n);
        host_value_.resize(static_cast<std::size_t>(n));
        host_good_.resize(static_cast<std::size_t>(n));
        host_joined_.resize(static_cast<std::size_t>(n));
        host_representative_.resize(static_cast<std::size_t>(n));
        CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream_));
    }

    std::int64_t count(double epsilon, bool strict) override {
        device_.select();
        run_decision(epsilon, strict);
        unsigned long long closed = 0;
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(&closed, count_.data(), sizeof closed, cudaMemcpyDeviceToHost, stream_));
        CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream_));
        return static_cast<std::int64_t>(closed);
    }

    std::int64_t decide(double epsilon, bool strict, const decision_output& out) override {
        device_.select();
        run_decision(epsilon, strict);
        const std::int64_t n = tree_.n;
        unsigned long long closed = 0;
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(&closed, count_.data(), sizeof closed, cudaMemcpyDeviceToHost, stream_));
        download(host_value_.data(), value_.data(), n);
        download(host_good_.data(), good_.data(), n);
        download(host_joined_.data(), joined_.data(), n);
        CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream_));
        // The representatives top-down (parents before children), then everything by vertex, as on the CPU.
        std::int32_t* rep = host_representative_.data();
        for (std::int64_t p = 0; p < n; ++p) {
            rep[p] = host_joined_[static_cast<std::size_t>(p)] != 0 ? rep[tree_.parent_at[p]] : static_cast<std::int32_t>(p);
        }
        for (std::int64_t p = 0; p < n; ++p) {
            const std::int32_t v = tree_.vertex_at[p];
            out.value[v] = host_value_[static_cast<std::size_t>(p)];
            out.good[v] = host_good_[static_cast<std::size_t>(p)];
            out.joined[v] = host_joined_[static_cast<std::size_t>(p)];
            out.representative[v] = tree_.vertex_at[rep[p]];
        }
        return static_cast<std::int64_t>(closed);
    }

    void nearest_fill(const double* points, std::int64_t n, std::int64_t d, const std::int32_t* labels,
                      std::int32_t* full_out) override {
        device_.select();
        std::memcpy(full_out, labels, static_cast<std::size_t>(n) * sizeof(std::int32_t));
        host_outliers_.clear();
        for (std::int64_t v = 0; v < n; ++v) {
            if (labels[v] < 0) host_outliers_.push_back(static_cast<std::int32_t>(v));
        }
        if (host_outliers_.empty()) return;
        const auto outliers = static_cast<std::int64_t>(host_outliers_.size());
        upload_points(points, n, d);
        labels_.ensure(n, "the labels");
        outliers_.ensure(outliers, "the outlier list");
        full_.ensure(n, "the full labels");
        upload(labels_.data(), labels, n);
        upload(outliers_.data(), host_outliers_.data(), outliers);
        // The kernel writes the outliers' entries; every other entry is the point's own label.
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(full_.data(), labels_.data(), static_cast<std::size_t>(n) * sizeof(std::int32_t),
                                         cudaMemcpyDeviceToDevice, stream_));
        const auto blocks = static_cast<unsigned>((outliers + ik::fill_threads - 1) / ik::fill_threads);
        launch(&ik::nearest_fill, dim3(blocks), dim3(ik::fill_threads), 0, stream_, points_.data(), n, d,
                     labels_.data(), outliers_.data(), outliers, full_.data());
        CHEEGER_CUDA_CHECK_LAUNCH("nearest_fill");
        download(full_out, full_.data(), n);
        CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream_));
    }

private:
    // Blocks of a one-block-per-item launch (the grid strides beyond).
    static constexpr std::int64_t max_grid_blocks = std::int64_t{1} << 20;

    // Boruvka's tree (boruvka_cuda_kernels.cuh): rounds until one component is left, each ending with the count
    // of hooks read back (and reported); then the n - 1 edges come back and Prim's order is recovered on the host.
    void boruvka_tree(std::int64_t n, std::int64_t d, const tree_output& out, const iso::progress_sink& progress) {
        component_.ensure(n, "the Boruvka components");
        best_length_.ensure(n, "the Boruvka least edge lengths");
        best_other_.ensure(n, "the Boruvka least edge ends");
        component_length_.ensure(n, "the Boruvka component lengths");
        component_pair_.ensure(n, "the Boruvka component edges");
        hooked_to_.ensure(n, "the Boruvka hooks");
        jumped_.ensure(n, "the Boruvka jump buffer");
        edge_a_.ensure(n, "the Boruvka tree edges");
        edge_b_.ensure(n, "the Boruvka tree edges");
        edge_length_.ensure(n, "the Boruvka tree edge lengths");
        hooks_.ensure(1, "the Boruvka hook count");

        const auto map_blocks = static_cast<unsigned>((n + bk::map_threads - 1) / bk::map_threads);
        const auto edge_blocks = static_cast<unsigned>(std::min<std::int64_t>(n, max_grid_blocks));
        const auto slots = static_cast<std::size_t>(n);
        launch(&bk::singletons, dim3(map_blocks), dim3(bk::map_threads), 0, stream_, n, component_.data());
        CHEEGER_CUDA_CHECK_LAUNCH("boruvka singletons");
        CHEEGER_CUDA_TRY(cudaMemsetAsync(edge_a_.data(), 0xFF, slots * sizeof(std::int32_t), stream_));  // -1

        std::int64_t components = n;
        while (components > 1) {
            CHEEGER_CUDA_TRY(cudaMemsetAsync(component_length_.data(), 0xFF, slots * sizeof(unsigned long long), stream_));
            CHEEGER_CUDA_TRY(cudaMemsetAsync(component_pair_.data(), 0xFF, slots * sizeof(unsigned long long), stream_));
            CHEEGER_CUDA_TRY(cudaMemsetAsync(hooks_.data(), 0, sizeof(unsigned int), stream_));
            launch(&bk::least_outgoing_edges, dim3(edge_blocks), dim3(bk::edge_threads), 0, stream_,
                         points_.data(), n, d, component_.data(), best_length_.data(), best_other_.data());
            CHEEGER_CUDA_CHECK_LAUNCH("boruvka least_outgoing_edges");
            launch(&bk::component_least_length, dim3(map_blocks), dim3(bk::map_threads), 0, stream_, n,
                         component_.data(), best_length_.data(), best_other_.data(), component_length_.data());
            CHEEGER_CUDA_CHECK_LAUNCH("boruvka component_least_length");
            launch(&bk::component_least_pair, dim3(map_blocks), dim3(bk::map_threads), 0, stream_, n,
                         component_.data(), best_length_.data(), best_other_.data(), component_length_.data(),
                         component_pair_.data());
            CHEEGER_CUDA_CHECK_LAUNCH("boruvka component_least_pair");
            bk::hook_args hook{};
            hook.n = n;
            hook.component = component_.data();
            hook.component_length = component_length_.data();
            hook.component_pair = component_pair_.data();
            hook.hooked_to = hooked_to_.data();
            hook.edge_a = edge_a_.data();
            hook.edge_b = edge_b_.data();
            hook.edge_length = edge_length_.data();
            hook.hooks = hooks_.data();
            launch(&bk::hook, dim3(map_blocks), dim3(bk::map_threads), 0, stream_, hook);
            CHEEGER_CUDA_CHECK_LAUNCH("boruvka hook");
            // A hook chain is shorter than the number of components; each jump halves every chain.
            std::int32_t* from = hooked_to_.data();
            std::int32_t* to = jumped_.data();
            for (std::int64_t reach = 1; reach < components; reach *= 2) {
                launch(&bk::jump, dim3(map_blocks), dim3(bk::map_threads), 0, stream_, n, component_.data(), from,
                             to);
                CHEEGER_CUDA_CHECK_LAUNCH("boruvka jump");
                std::swap(from, to);
            }
            launch(&bk::relabel, dim3(map_blocks), dim3(bk::map_threads), 0, stream_, n, component_.data(),
                         from);
            CHEEGER_CUDA_CHECK_LAUNCH("boruvka relabel");
            unsigned int hooks = 0;
            CHEEGER_CUDA_TRY(cudaMemcpyAsync(&hooks, hooks_.data(), sizeof hooks, cudaMemcpyDeviceToHost, stream_));
            CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream_));
            if (hooks == 0) {
                throw error(CHEEGER_STATUS_INTERNAL_ERROR,
                            message("Boruvka made no progress with ", components, " components left"));
            }
            components -= hooks;
            progress.spanning_tree_round(components, n);
        }

        host_edge_a_.resize(slots);
        host_edge_b_.resize(slots);
        host_edge_length_.resize(slots);
        download(host_edge_a_.data(), edge_a_.data(), n);
        download(host_edge_b_.data(), edge_b_.data(), n);
        download(host_edge_length_.data(), edge_length_.data(), n);
        CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream_));
        edges_.a.clear();
        edges_.b.clear();
        edges_.squared_length.clear();
        for (std::size_t c = 0; c < slots; ++c) {
            if (host_edge_a_[c] < 0) continue;  // the last root, which never hooked
            edges_.a.push_back(host_edge_a_[c]);
            edges_.b.push_back(host_edge_b_[c]);
            edges_.squared_length.push_back(host_edge_length_[c]);
        }
        iso::prim_order_on_tree(n, edges_, out);
    }

    // The decision kernel at epsilon on the loaded tree; leaves val/good/joined and the count on the device.
    void run_decision(double epsilon, bool strict) {
        ik::decide_args args{};
        args.child_start = child_start_.data();
        args.level_start = level_start_.data();
        args.flow = flow_.data();
        args.weight = weight_.data();
        args.potential = potential_.data();
        args.value = value_.data();
        args.good = good_.data();
        args.joined = joined_.data();
        args.count = count_.data();
        args.barrier = barrier_.data();
        args.max_depth = tree_.max_depth;
        args.strict = strict ? 1 : 0;
        args.epsilon = epsilon;
        CHEEGER_CUDA_TRY(cudaMemsetAsync(barrier_.data(), 0, sizeof(grid_barrier_state), stream_));
        CHEEGER_CUDA_TRY(cudaMemsetAsync(count_.data(), 0, sizeof(unsigned long long), stream_));
        CHEEGER_CUDA_TRY(launch_cooperative(&ik::decide_levels, dim3(decide_blocks_), dim3(ik::decide_threads), 0,
                                                  stream_, args));
    }

    // As many blocks as can be resident at once (a cooperative launch needs them all resident), and no more than
    // the work needs.
    int cooperative_blocks(const void* kernel, int threads, std::int64_t items) {
        int per_multiprocessor = 0;
        CHEEGER_CUDA_TRY(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&per_multiprocessor, kernel, threads, 0));
        const std::int64_t resident = std::int64_t{std::max(per_multiprocessor, 1)} * std::max(multiprocessors_, 1);
        const std::int64_t needed = (items + threads - 1) / threads;
        return static_cast<int>(std::clamp<std::int64_t>(needed, 1, resident));
    }

    // The points as structure of arrays (x_j of vertex i at j * n + i), staged row-major and transposed on the host
    // in pieces (the stages run once per call, so a host transpose costs little beside them).
    void upload_points(const double* points, std::int64_t n, std::int64_t d) {
        points_.ensure(n * d, "the isoperimetric points");
        const std::int64_t rows = std::min(n, staging_rows_max);
        host_columns_.resize(static_cast<std::size_t>(rows));
        for (std::int64_t j = 0; j < d; ++j) {
            for (std::int64_t first = 0; first < n; first += rows) {
                const std::int64_t count = std::min(rows, n - first);
                for (std::int64_t i = 0; i < count; ++i) host_columns_[static_cast<std::size_t>(i)] = points[(first + i) * d + j];
                // Synchronous on purpose: the host buffer is refilled right after.
                CHEEGER_CUDA_TRY(cudaMemcpyAsync(points_.data() + j * n + first, host_columns_.data(),
                                                 static_cast<std::size_t>(count) * sizeof(double),
                                                 cudaMemcpyHostToDevice, stream_));
                CHEEGER_CUDA_TRY(cudaStreamSynchronize(stream_));
            }
        }
    }

    template <class T>
    void upload(T* device, const T* host, std::int64_t count) {
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(device, host, static_cast<std::size_t>(count) * sizeof(T),
                                         cudaMemcpyHostToDevice, stream_));
    }

    template <class T>
    void download(T* host, const T* device, std::int64_t count) {
        CHEEGER_CUDA_TRY(cudaMemcpyAsync(host, device, static_cast<std::size_t>(count) * sizeof(T),
                                         cudaMemcpyDeviceToHost, stream_));
    }

    device_state& device_;
    cudaStream_t stream_;                       // the device's
    std::unique_ptr<iso::stage_backend> cpu_;  // the graph degree
    int multiprocessors_ = 0;
    int decide_blocks_ = 1;
    decision_tree tree_{};

    device_buffer<grid_barrier_state> barrier_;
    device_buffer<unsigned long long> count_;
    device_buffer<double> points_;
    device_buffer<double> key_;
    device_buffer<std::int32_t> kept_parent_;
    device_buffer<std::uint8_t> in_tree_;
    device_buffer<ik::edge_candidate> candidates_;
    device_buffer<std::int32_t> parent_;
    device_buffer<double> length_;
    device_buffer<std::int32_t> order_;
    device_buffer<std::int32_t> child_start_;
    device_buffer<std::int32_t> level_start_;
    device_buffer<double> flow_;
    device_buffer<double> weight_;
    device_buffer<double> potential_;
    device_buffer<double> value_;
    device_buffer<std::uint8_t> good_;
    device_buffer<std::uint8_t> joined_;
    device_buffer<std::int32_t> labels_;
    device_buffer<std::int32_t> outliers_;
    device_buffer<std::int32_t> full_;
    device_buffer<std::int32_t> component_;
    device_buffer<double> best_length_;
    device_buffer<std::int32_t> best_other_;
    device_buffer<unsigned long long> component_length_;
    device_buffer<unsigned long long> component_pair_;
    device_buffer<std::int32_t> hooked_to_;
    device_buffer<std::int32_t> jumped_;
    device_buffer<std::int32_t> edge_a_;
    device_buffer<std::int32_t> edge_b_;
    device_buffer<double> edge_length_;
    device_buffer<unsigned int> hooks_;

    std::vector<double> host_columns_;
    std::vector<double> host_value_;
    std::vector<std::uint8_t> host_good_;
    std::vector<std::uint8_t> host_joined_;
    std::vector<std::int32_t> host_representative_;
    std::vector<std::int32_t> host_outliers_;
    std::vector<std::int32_t> host_edge_a_;
    std::vector<std::int32_t> host_edge_b_;
    std::vector<double> host_edge_length_;
    iso::tree_edges edges_;
};

}  // namespace

std::unique_ptr<iso::stage_backend> make_iso_stages(device_state& device, thread_pool& pool) {
    return std::make_unique<cuda_stages>(device, pool);
}

}  // namespace cheeger::cuda
