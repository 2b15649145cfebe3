#include "iso/prim_cpu.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <thread>

#include "core/buffer.hpp"
#include "iso/prim_chunk.hpp"

// Step t (t = 0 is the root's) has a vertex u that joined last and a pack of `count` vertices outside the tree,
// cut into chunks of prim_chunk. A ticket (t, next chunk) in one atomic word hands the chunks out; a thread that
// holds a stale step number cannot claim a chunk of a later step. The thread whose chunk completes the step
// (done counter) reduces the chunk candidates in chunk order under the strict edge order (so the pick does not
// depend on which thread ran which chunk), writes the tree arrays, moves the last packed vertex into the slot of
// the one that joined, and publishes step t + 1 with a release store of the ticket; the others wait for it.
//
// Progress comes from the calling thread alone (participant 0, which claims its task as the workers wake): it
// reports the steps it sees between its chunks, and if it retires it keeps watching the ticket, asleep between
// looks, until the tree is done. Only that thread reads or writes next_report_.

namespace cheeger::iso {

namespace {

inline void pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

// The state of the current step, written by the thread that finished the previous one before it publishes the
// ticket. Relaxed atomics: the ticket's release/acquire orders them; a thread that reads a newer value than its
// ticket's step fails its claim anyway.
struct alignas(cache_line_bytes) step_state {
    std::atomic<std::uint64_t> ticket{0};                       // (step << 32) | next chunk
    alignas(cache_line_bytes) std::atomic<std::int64_t> done{0};  // chunks of the step finished
    alignas(cache_line_bytes) std::atomic<std::int32_t> joined{0};  // u: the vertex that joined last
    std::atomic<std::int64_t> count{0};                         // packed vertices
    std::atomic<std::int64_t> chunks{0};                        // chunks of the step
};

constexpr std::uint64_t ticket_of(std::uint64_t step, std::uint64_t chunk) noexcept { return step << 32U | chunk; }

class prim_run {
public:
    prim_run(prim_workspace& ws, const double* points, std::int64_t n, std::int64_t d, std::int64_t capacity,
             const tree_output& out) noexcept
        : ws_(ws), points_(points), n_(n), d_(d), capacity_(capacity), out_(out),
          columns_(ws.columns.data()), keys_(ws.keys.data()), parents_(ws.parents.data()),
          vertices_(ws.vertices.data()), kernel_(prim_chunk_kernel()), next_report_(std::min(prim_progress_stride(n), n - 1)) {}

    // Packs vertices 1..n-1 in index order and opens step 0 (u = the root).
    void start() noexcept {
        const std::int64_t count = n_ - 1;
        for (std::int64_t i = 0; i < count; ++i) {
            const double* row = points_ + (i + 1) * d_;
            for (std::int64_t j = 0; j < d_; ++j) columns_[j * capacity_ + i] = row[j];
            vertices_[i] = static_cast<std::int32_t>(i + 1);
            ws_.position[static_cast<std::size_t>(i + 1)] = static_cast<std::int32_t>(i);
        }
        state_.joined.store(0, std::memory_order_relaxed);
        state_.count.store(count, std::memory_order_relaxed);
        state_.chunks.store(chunks_for(count), std::memory_order_relaxed);
        state_.done.store(0, std::memory_order_relaxed);
        state_.ticket.store(ticket_of(0, 0), std::memory_order_release);
    }

    // One thread's part: claims chunks until every vertex has joined, or until it retires (see below); the calling
    // thread passes the sink it reports to, the others nullptr.
    void work(const progress_sink* progress) noexcept {
        const auto last_step = static_cast<std::uint64_t>(n_ - 1);
        active_.fetch_add(1, std::memory_order_relaxed);
        std::int64_t typical_ns = 0;  // a moving average of this thread's chunk times
        std::uint64_t ticket = state_.ticket.load(std::memory_order_acquire);
        for (;;) {
            const std::uint64_t step = ticket >> 32U;
            if (progress != nullptr) report_steps(*progress, step);
            if (step >= last_step) return;
            const std::uint64_t chunk = ticket & 0xFFFFFFFFULL;
            const auto chunks = static_cast<std::uint64_t>(state_.chunks.load(std::memory_order_relaxed));
            if (chunk >= chunks) {
                ticket = wait_for_step_after(step);
                continue;
            }
            if (!state_.ticket.compare_exchange_weak(ticket, ticket + 1, std::memory_order_acq_rel,
                                                     std::memory_order_acquire)) {
                continue;  // another thread claimed it, or the step moved on: `ticket` holds the new value
            }
            const auto started = std::chrono::steady_clock::now();
            run_chunk(step, static_cast<std::int64_t>(chunk));
            const std::int64_t took =
                std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started)
                    .count();
            if (state_.done.fetch_add(1, std::memory_order_acq_rel) + 1 == static_cast<std::int64_t>(chunks)) {
                finish_step(step, static_cast<std::int64_t>(chunks));
            }
            if (typical_ns > 0 && took > retire_after_ns && took > 8 * typical_ns && retire()) {
                if (progress != nullptr) watch(*progress);
                return;
            }
            typical_ns = typical_ns == 0 ? took : typical_ns + (took - typical_ns) / 8;
            ticket = state_.ticket.load(std::memory_order_acquire);
        }
    }

private:
    // A chunk that took this long, and far longer than this thread's chunks usually take, means the thread lost its
    // core mid-chunk (the machine is shared) and held up the whole step meanwhile.
    static constexpr std::int64_t retire_after_ns = 1'000'000;

    // Leaves the run to the other threads when at least one other is still active (so one always remains); the
    // result does not depend on how many threads take part.
    bool retire() noexcept {
        int active = active_.load(std::memory_order_relaxed);
        while (active > 1) {
            if (active_.compare_exchange_weak(active, active - 1, std::memory_order_relaxed)) return true;
        }
        return false;
    }

    // Reports once `step` steps are done, every prim_progress_stride of them and the last, each once (step t has
    // t + 1 vertices joined).
    void report_steps(const progress_sink& progress, std::uint64_t step) noexcept {
        const auto done = static_cast<std::int64_t>(step);
        if (done < next_report_) return;
        progress.vertices_joined(done + 1, n_);
        next_report_ = done >= n_ - 1 ? n_ : std::min(done + prim_progress_stride(n_), n_ - 1);
    }

    // The retired calling thread: reports the steps the others make until the last one, sleeping between looks.
    void watch(const progress_sink& progress) noexcept {
        const auto last_step = static_cast<std::uint64_t>(n_ - 1);
        for (;;) {
            const std::uint64_t step = state_.ticket.load(std::memory_order_acquire) >> 32U;
            report_steps(progress, step);
            if (step >= last_step) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }

    static std::int64_t chunks_for(std::int64_t count) noexcept { return (count + prim_chunk - 1) / prim_chunk; }

    std::uint64_t wait_for_step_after(std::uint64_t step) noexcept {
        for (int spins = 0;; ++spins) {
            const std::uint64_t ticket = state_.ticket.load(std::memory_order_acquire);
            if ((ticket >> 32U) != step) return ticket;
            if (spins < 64) {
                pause();
            } else {
                std::this_thread::yield();
            }
        }
    }

    void run_chunk(std::uint64_t step, std::int64_t chunk) noexcept {
        const std::int32_t u = state_.joined.load(std::memory_order_relaxed);
        const std::int64_t count = state_.count.load(std::memory_order_relaxed);
        const std::int64_t begin = chunk * prim_chunk;
        const std::int64_t end = std::min(begin + prim_chunk, count);
        prim_chunk_args args{};
        args.points = points_;
        args.d = d_;
        args.row = points_ + static_cast<std::int64_t>(u) * d_;
        args.u = u;
        args.columns = columns_;
        args.capacity = capacity_;
        args.keys = keys_;
        args.parents = parents_;
        args.vertices = vertices_;
        args.begin = begin;
        args.end = end;
        args.assign = step == 0;
        const least_edge best = kernel_(args);
        ws_.candidates[static_cast<std::size_t>(chunk)] = prim_candidate{best.key, best.parent, best.vertex};
    }

    // Runs on the thread that finished the step's last chunk: every chunk's writes are visible (acq_rel on done).
    void finish_step(std::uint64_t step, std::int64_t chunks) noexcept {
        least_edge best;
        for (std::int64_t c = 0; c < chunks; ++c) {
            const prim_candidate& candidate = ws_.candidates[static_cast<std::size_t>(c)];
            best.offer(candidate.key, candidate.parent, candidate.vertex);
        }
        const std::int32_t u = best.vertex;
        out_.order[step + 1] = u;
        out_.parent[u] = best.parent;
        out_.squared_length[u] = best.key;
        const std::int64_t count = remove(u, state_.count.load(std::memory_order_relaxed));
        state_.joined.store(u, std::memory_order_relaxed);
        state_.count.store(count, std::memory_order_relaxed);
        state_.chunks.store(chunks_for(count), std::memory_order_relaxed);
        state_.done.store(0, std::memory_order_relaxed);
        state_.ticket.store(ticket_of(step + 1, 0), std::memory_order_release);
    }

    // Moves the last packed vertex into u's slot; returns the new count.
    std::int64_t remove(std::int32_t u, std::int64_t count) noexcept {
        const std::int64_t i = ws_.position[static_cast<std::size_t>(u)];
        const std::int64_t last = count - 1;
        if (i != last) {
            for (std::int64_t j = 0; j < d_; ++j) columns_[j * capacity_ + i] = columns_[j * capacity_ + last];
            keys_[i] = keys_[last];
            parents_[i] = parents_[last];
            vertices_[i] = vertices_[last];
            ws_.position[static_cast<std::size_t>(vertices_[i])] = static_cast<std::int32_t>(i);
        }
        return last;
    }

    prim_workspace& ws_;
    const double* points_;
    std::int64_t n_;
    std::int64_t d_;
    std::int64_t capacity_;
    tree_output out_;
    double* columns_;
    double* keys_;
    std::int32_t* parents_;
    std::int32_t* vertices_;
    prim_chunk_function kernel_;
    step_state state_;
    alignas(cache_line_bytes) std::atomic<int> active_{0};  // threads in work() that have not retired
    std::int64_t next_report_;                               // the calling thread's next step to report
};

}  // namespace

int prim_worker_count(int pool_size, std::int64_t n) noexcept {
    const std::int64_t chunks = (n - 1 + prim_chunk - 1) / prim_chunk;
    return static_cast<int>(std::clamp<std::int64_t>(chunks, 1, pool_size));
}

void prim_tree(thread_pool& pool, prim_workspace& ws, const double* points, std::int64_t n, std::int64_t d,
               const tree_output& out, const progress_sink& progress) {
    out.parent[0] = -1;
    out.squared_length[0] = 0.0;
    out.order[0] = 0;
    if (n == 1) return;

    const std::int64_t capacity = round_up_to_cache_line<double>(n - 1);
    if (capacity > std::numeric_limits<std::int64_t>::max() / d) {
        throw error(CHEEGER_STATUS_OUT_OF_MEMORY, message("the Prim pack of n = ", n, " points in d = ", d,
                                                          " dimensions exceeds the address space"));
    }
    grow_buffer(ws.columns, capacity * d, "the Prim point columns");
    grow_buffer(ws.keys, capacity, "the Prim edge keys");
    grow_buffer(ws.parents, capacity, "the Prim edge parents");
    grow_buffer(ws.vertices, capacity, "the Prim packed vertices");
    grow_buffer(ws.position, n, "the Prim vertex positions");
    grow_buffer(ws.candidates, (n - 1 + prim_chunk - 1) / prim_chunk, "the Prim chunk candidates");

    prim_run run(ws, points, n, d, capacity, out);
    run.start();
    const progress_sink* reporter = progress.active() ? &progress : nullptr;
    const int workers = prim_worker_count(pool.size(), n);
    if (workers == 1) {
        run.work(reporter);
        return;
    }
    // No thread waits for a particular other one, so the pool may start the tasks in any order and at any time.
    pool.parallel_for(workers, [&](std::int64_t /*task*/, int participant) {
        run.work(participant == 0 ? reporter : nullptr);
    });
}

}  // namespace cheeger::iso
