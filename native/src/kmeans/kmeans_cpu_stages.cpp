#include "kmeans/kmeans_cpu_stages.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>

#include "core/stopwatch.hpp"
#include "kmeans/initial_centroids.hpp"
#include "kmeans/kmeans_assign.hpp"
#include "kmeans/kmeans_layout.hpp"
#include "kmeans/kmeans_workspace.hpp"

// One pass:
//  1. assign: every chunk of chunk_rows points (in parallel, any thread) finds each point's nearest centroid
//     among the previous centroids, and for every point whose cluster changed adds the point to the new
//     cluster's delta and subtracts it from the old one's (first pass: no old cluster), in point order; it also
//     counts its changes and sums its d2 in point order;
//  2. merge: the chunk deltas are added to the running sums and counts in chunk order (waves of wave_chunks
//     chunks bound the delta memory; the order of additions is the same for any wave size);
//  3. update: centroid = sum / count; an empty cluster keeps its previous centroid.
// Nothing depends on which thread ran which chunk, so every thread count gives the same bits.

namespace cheeger::kmeans {

namespace {

// Index of the lowest set bit of a non-zero mask.
inline int lowest_bit(std::uint32_t mask) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctz(mask);
#else
    int bit = 0;
    while ((mask & 1U) == 0) {
        mask >>= 1U;
        ++bit;
    }
    return bit;
#endif
}

class lloyd_run {
public:
    lloyd_run(thread_pool& pool, workspace& ws, const request& call)
        : pool_(pool),
          ws_(ws),
          points_(call.points),
          labels_(call.labels_out),
          n_(call.n),
          d_(call.d),
          k_(call.params.k),
          chunks_(chunk_count(call.n)),
          assign_block_(assign_block_for(call.d)),
          assign_chunk_(chunk_function_for(call.d)) {}

    // Fills ws_.centroids with the initial centroids and clears the running sums.
    void initialise(const request& call) {
        const std::size_t kd = static_cast<std::size_t>(k_ * d_);
        initial_centroids(call, ws_.centroids.data(), ws_.rows.data());
        std::fill_n(ws_.sums.begin(), kd, 0.0);
        std::fill_n(ws_.counts.begin(), k_, std::int64_t{0});
    }

    // Steps 1 and 2 for every wave; returns the pass's change count and writes its inertia and the time the
    // assignment took.
    std::int64_t assign_and_merge(bool first_pass, double& inertia, double& seconds_assign) {
        for (std::int64_t wave_begin = 0; wave_begin < chunks_; wave_begin += ws_.wave_chunks) {
            const std::int64_t wave_size = std::min(ws_.wave_chunks, chunks_ - wave_begin);
            stopwatch watch;
            pool_.parallel_for(wave_size, [&](std::int64_t slot, int participant) {
                (this->*assign_chunk_)(wave_begin + slot, slot, participant, first_pass);
            });
            seconds_assign += watch.seconds();
            merge_wave(wave_size);
        }
        std::int64_t changes = 0;
        inertia = 0.0;
        for (std::int64_t c = 0; c < chunks_; ++c) {
            changes += ws_.chunk_changes[static_cast<std::size_t>(c)];
            inertia += ws_.chunk_inertia[static_cast<std::size_t>(c)];
        }
        return changes;
    }

    // Step 3; returns the largest centroid movement (Euclidean) and makes the new centroids current.
    double update_centroids() {
        const double* current = ws_.centroids.data();
        double* next = ws_.next_centroids.data();
        double largest_squared_move = 0.0;
        for (std::int64_t c = 0; c < k_; ++c) {
            const std::int64_t count = ws_.counts[static_cast<std::size_t>(c)];
            const double* sum = ws_.sums.data() + c * d_;
            double squared_move = 0.0;
            for (std::int64_t j = 0; j < d_; ++j) {
                const double value = count > 0 ? sum[j] / static_cast<double>(count) : current[c * d_ + j];
                const double move = value - current[c * d_ + j];
                squared_move += move * move;
                next[c * d_ + j] = value;
            }
            largest_squared_move = std::max(largest_squared_move, squared_move);
        }
        ws_.centroids.swap(ws_.next_centroids);
        return std::sqrt(largest_squared_move);
    }

    [[nodiscard]] const double* centroids() const noexcept { return ws_.centroids.data(); }

private:
    using chunk_function = void (lloyd_run::*)(std::int64_t chunk, std::int64_t slot, int participant,
                                                bool first_pass) const;

    // Dims > 0 fixes d at compile time for the delta updates (as the kernels do); 0 reads it at run time.
    static chunk_function chunk_function_for(std::int64_t d) noexcept {
        switch (d) {
            case 1: return &lloyd_run::assign_chunk<1>;
            case 2: return &lloyd_run::assign_chunk<2>;
            case 3: return &lloyd_run::assign_chunk<3>;
            case 4: return &lloyd_run::assign_chunk<4>;
            default: return &lloyd_run::assign_chunk<0>;
        }
    }

    // Step 1 for one chunk. The block's changed points are found as a bit mask first (a branch per point would
    // mispredict at every change), then visited in point order.
    template <int Dims>
    void assign_chunk(std::int64_t chunk, std::int64_t slot, int participant, bool first_pass) const {
        static_assert(block_rows <= 32, "a block's changes fit a 32-bit mask");
        const std::int64_t d = Dims > 0 ? Dims : d_;
        const std::int64_t begin = chunk * chunk_rows;
        const std::int64_t end = std::min(n_, begin + chunk_rows);
        double* tile = ws_.tiles.data() + std::int64_t{participant} * ws_.tile_stride;
        double* delta_sums = ws_.delta_sums.data() + slot * ws_.sums_stride;
        std::int64_t* delta_counts = ws_.delta_counts.data() + slot * ws_.counts_stride;
        std::uint8_t* touched = ws_.touched.data() + slot * ws_.touched_stride;
        const double* centroids = ws_.centroids.data();
        const auto k = static_cast<std::int32_t>(k_);

        std::int32_t nearest[block_rows];
        double distance[block_rows];
        std::int64_t changes = 0;
        double inertia = 0.0;
        for (std::int64_t block = begin; block < end; block += block_rows) {
            const std::int64_t rows = std::min(block_rows, end - block);
            assign_block_(points_ + block * d, rows, d, centroids, k, tile, nearest, distance);
            const std::int32_t* old_labels = labels_ + block;
            std::uint32_t changed = 0;
            for (std::int64_t r = 0; r < rows; ++r) {
                inertia += distance[r];
                const bool moved = first_pass || nearest[r] != old_labels[r];
                changed |= static_cast<std::uint32_t>(moved) << r;
            }
            while (changed != 0) {
                const int r = lowest_bit(changed);
                changed &= changed - 1;
                ++changes;
                const std::int64_t i = block + r;
                const std::int32_t to = nearest[r];
                const double* point = points_ + i * d;
                if (!first_pass) {
                    const std::int32_t from = labels_[i];
                    double* out = delta_sums + std::int64_t{from} * d;
                    for (std::int64_t j = 0; j < d; ++j) out[j] -= point[j];
                    --delta_counts[from];
                    touched[from] = 1;
                }
                double* in = delta_sums + std::int64_t{to} * d;
                for (std::int64_t j = 0; j < d; ++j) in[j] += point[j];
                ++delta_counts[to];
                touched[to] = 1;
                labels_[i] = to;
            }
        }
        ws_.chunk_changes[static_cast<std::size_t>(chunk)] = changes;
        ws_.chunk_inertia[static_cast<std::size_t>(chunk)] = inertia;
    }

    // Adds the wave's deltas to the running sums in chunk order and clears them. Clusters are independent, so
    // large merges split the clusters over the pool; each cluster still sees its chunks in order.
    void merge_wave(std::int64_t wave_size) {
        constexpr std::int64_t clusters_per_task = 64;
        const std::int64_t tasks = (k_ + clusters_per_task - 1) / clusters_per_task;
        auto merge_clusters = [&](std::int64_t task, int /*participant*/) {
            const std::int64_t first = task * clusters_per_task;
            const std::int64_t last = std::min(k_, first + clusters_per_task);
            for (std::int64_t slot = 0; slot < wave_size; ++slot) {
                std::uint8_t* touched = ws_.touched.data() + slot * ws_.touched_stride;
                std::int64_t* delta_counts = ws_.delta_counts.data() + slot * ws_.counts_stride;
                double* delta_sums = ws_.delta_sums.data() + slot * ws_.sums_stride;
                for (std::int64_t c = first; c < last; ++c) {
                    if (touched[c] == 0) continue;
                    double* delta = delta_sums + c * d_;
                    double* sum = ws_.sums.data() + c * d_;
                    for (std::int64_t j = 0; j < d_; ++j) {
                        sum[j] += delta[j];
                        delta[j] = 0.0;
                    }
                    ws_.counts[static_cast<std::size_t>(c)] += delta_counts[c];
                    delta_counts[c] = 0;
                    touched[c] = 0;
                }
            }
        };
        // Below about a million additions the pool's wake-up costs more than it saves.
        if (tasks > 1 && wave_size * k_ * d_ >= (std::int64_t{1} << 20)) {
            pool_.parallel_for(tasks, merge_clusters);
        } else {
            for (std::int64_t task = 0; task < tasks; ++task) merge_clusters(task, 0);
        }
    }

    thread_pool& pool_;
    workspace& ws_;
    const double* points_;
    std::int32_t* labels_;
    std::int64_t n_;
    std::int64_t d_;
    std::int64_t k_;
    std::int64_t chunks_;
    assign_block_function assign_block_;
    chunk_function assign_chunk_;
};

// The stages: a lloyd_run per call, over the stages' workspace.
class cpu_stages final : public stage_backend {
public:
    explicit cpu_stages(thread_pool& pool) : pool_(pool) {}

    [[nodiscard]] cheeger_backend kind() const noexcept override { return CHEEGER_BACKEND_CPU; }

    void load(const request& call) override {
        run_.reset();
        call_ = call;
        ws_.prepare(call.n, call.d, call.params.k, pool_.size());
        run_.emplace(pool_, ws_, call);
        run_->initialise(call);
        inertia_ = 0.0;
    }

    pass_outcome pass(bool first_pass) override {
        pass_outcome outcome{};
        outcome.changes = run_->assign_and_merge(first_pass, inertia_, outcome.seconds_assign);
        outcome.largest_move = run_->update_centroids();
        return outcome;
    }

    double finish() override {
        // The labels were written in place by every pass.
        std::memcpy(call_.centroids_out, run_->centroids(),
                    static_cast<std::size_t>(call_.params.k) * static_cast<std::size_t>(call_.d) * sizeof(double));
        run_.reset();
        return inertia_;
    }

private:
    thread_pool& pool_;
    workspace ws_;
    request call_{};
    std::optional<lloyd_run> run_;
    double inertia_ = 0.0;
};

}  // namespace

std::unique_ptr<stage_backend> make_cpu_stages(thread_pool& pool) { return std::make_unique<cpu_stages>(pool); }

}  // namespace cheeger::kmeans
