#include "iso/prim_cpu.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <thread>

#if defined(__GNUC__) && defined(__AVX__)
#define CHEEGER_ISO_PRIM_VECTORS 1
#include <immintrin.h>
#endif

#include "core/buffer.hpp"
#include "iso/edge_order.hpp"
#include "iso/squared_distance.hpp"

// Step t (t = 0 is the root's) has a vertex u that joined last and a pack of `count` vertices outside the tree,
// cut into chunks of prim_chunk. A ticket (t, next chunk) in one atomic word hands the chunks out; a thread that
// holds a stale step number cannot claim a chunk of a later step. The thread whose chunk completes the step
// (done counter) reduces the chunk candidates in chunk order under the strict edge order (so the pick does not
// depend on which thread ran which chunk), writes the tree arrays, moves the last packed vertex into the slot of
// the one that joined, and publishes step t + 1 with a release store of the ticket; the others wait for it.

namespace cheeger::iso {

namespace {

#ifdef CHEEGER_ISO_PRIM_VECTORS
// Four vertices per vector, one per lane: each lane sums its own d2 in dimension order, exactly as the scalar loop.
using lanes_d = double __attribute__((vector_size(32)));
using lanes_i = long long __attribute__((vector_size(32)));
using lanes_i32 = std::int32_t __attribute__((vector_size(16)));
constexpr std::int64_t lane_count = 4;

inline lanes_d load(const double* p) noexcept {
    lanes_d v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

inline void store(double* p, lanes_d v) noexcept { std::memcpy(p, &v, sizeof v); }

inline bool any(lanes_i mask) noexcept { return _mm256_movemask_pd(reinterpret_cast<__m256d>(mask)) != 0; }
#endif

inline void pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

struct least_edge {
    double key = 0.0;
    std::int32_t parent = -1;
    std::int32_t vertex = -1;

    // Offers a kept edge (key, parent, vertex); keeps the least under the edge order.
    void offer(double k, std::int32_t p, std::int32_t v) noexcept {
        if (vertex < 0 || edge_precedes(k, p, v, key, parent, vertex)) {
            key = k;
            parent = p;
            vertex = v;
        }
    }
};

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
          vertices_(ws.vertices.data()) {}

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

    // One thread's part: claims chunks until every vertex has joined.
    void work() noexcept {
        const auto last_step = static_cast<std::uint64_t>(n_ - 1);
        std::uint64_t ticket = state_.ticket.load(std::memory_order_acquire);
        for (;;) {
            const std::uint64_t step = ticket >> 32U;
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
            run_chunk(step, static_cast<std::int64_t>(chunk));
            if (state_.done.fetch_add(1, std::memory_order_acq_rel) + 1 == static_cast<std::int64_t>(chunks)) {
                finish_step(step, static_cast<std::int64_t>(chunks));
            }
            ticket = state_.ticket.load(std::memory_order_acquire);
        }
    }

private:
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
        const least_edge best = offer(u, begin, end, step == 0);
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

    // Offers the edges from u to packed vertices [begin, end) (assign: takes them, the root's step) and returns
    // the least kept edge among them.
    least_edge offer(std::int32_t u, std::int64_t begin, std::int64_t end, bool assign) noexcept {
        const double* row = points_ + static_cast<std::int64_t>(u) * d_;
        least_edge best;
        std::int64_t i = begin;
#ifdef CHEEGER_ISO_PRIM_VECTORS
        lane_minimum minimum;
        // Four vectors at a time: four independent sums in flight (each lane still adds its own dimensions in
        // order), so the loop is not bound by the latency of one chain of additions.
        for (; i + 4 * lane_count <= end; i += 4 * lane_count) {
            lanes_d a0 = {0, 0, 0, 0}, a1 = a0, a2 = a0, a3 = a0;
            const double* column = columns_ + i;
            for (std::int64_t j = 0; j < d_; ++j, column += capacity_) {
                const double x = row[j];
                const lanes_d d0 = load(column) - x, d1 = load(column + 4) - x;
                const lanes_d d2 = load(column + 8) - x, d3 = load(column + 12) - x;
                a0 += d0 * d0;
                a1 += d1 * d1;
                a2 += d2 * d2;
                a3 += d3 * d3;
            }
            offer_block(u, i, a0, assign, minimum);
            offer_block(u, i + 4, a1, assign, minimum);
            offer_block(u, i + 8, a2, assign, minimum);
            offer_block(u, i + 12, a3, assign, minimum);
        }
        for (; i + lane_count <= end; i += lane_count) {
            lanes_d acc = {0, 0, 0, 0};
            const double* column = columns_ + i;
            for (std::int64_t j = 0; j < d_; ++j, column += capacity_) {
                const lanes_d diff = load(column) - row[j];
                acc += diff * diff;
            }
            offer_block(u, i, acc, assign, minimum);
        }
        if (!minimum.empty) {
            if (any(minimum.tie)) {
                // Equal keys within a lane: settle them by the full edge order.
                for (std::int64_t p = begin; p < i; ++p) best.offer(keys_[p], parents_[p], vertices_[p]);
            } else {
                for (std::int64_t l = 0; l < lane_count; ++l) {
                    const std::int64_t p = minimum.at[l];
                    best.offer(keys_[p], parents_[p], vertices_[p]);
                }
            }
        }
#endif
        for (; i < end; ++i) {
            const std::int32_t v = vertices_[i];
            const double d2 = squared_distance(row, points_ + static_cast<std::int64_t>(v) * d_, d_);
            if (assign || edge_precedes(d2, u, v, keys_[i], parents_[i], v)) {
                keys_[i] = d2;
                parents_[i] = u;
            }
            best.offer(keys_[i], parents_[i], v);
        }
        return best;
    }

#ifdef CHEEGER_ISO_PRIM_VECTORS
    // The least key seen in each lane and where; tie marks a lane that saw its least key twice.
    struct lane_minimum {
        lanes_d key = {0, 0, 0, 0};
        lanes_i at = {-1, -1, -1, -1};
        lanes_i tie = {0, 0, 0, 0};
        bool empty = true;
    };

    // Offers the edges from u to packed vertices i..i+3 (squared lengths `offered`): keeps the shorter edge, an
    // equally long one when its endpoint pair is smaller (assign: takes them), then tracks each lane's least key.
    __attribute__((always_inline)) void offer_block(std::int32_t u, std::int64_t i, lanes_d offered, bool assign,
                                                    lane_minimum& minimum) noexcept {
        const lanes_i32 all_u = {u, u, u, u};
        lanes_d key;
        if (assign) {
            key = offered;
            std::memcpy(parents_ + i, &all_u, sizeof all_u);
        } else {
            const lanes_d old = load(keys_ + i);
            const lanes_i less = offered < old;
            key = less ? offered : old;
            const lanes_i32 take = __builtin_convertvector(less, lanes_i32);  // branch-free: often unpredictable
            lanes_i32 kept;
            std::memcpy(&kept, parents_ + i, sizeof kept);
            kept = (kept & ~take) | (all_u & take);
            std::memcpy(parents_ + i, &kept, sizeof kept);
            if (any(offered == old)) break_ties(u, i, offered);
        }
        store(keys_ + i, key);
        const lanes_i lane = {0, 1, 2, 3};
        if (minimum.empty) {
            minimum.key = key;
            minimum.at = lane + i;
            minimum.empty = false;
            return;
        }
        minimum.tie |= key == minimum.key;
        const lanes_i lower = key < minimum.key;
        minimum.key = lower ? key : minimum.key;
        minimum.at = lower ? lane + i : minimum.at;
    }

    // Lanes where the offered edge is exactly as long as the kept one: the smaller endpoint pair wins.
    __attribute__((noinline)) void break_ties(std::int32_t u, std::int64_t i, lanes_d offered) noexcept {
        for (std::int64_t l = 0; l < lane_count; ++l) {
            const std::int32_t v = vertices_[i + l];
            if (offered[l] == keys_[i + l] && edge_precedes(offered[l], u, v, keys_[i + l], parents_[i + l], v)) {
                parents_[i + l] = u;
            }
        }
    }
#endif

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
    step_state state_;
};

}  // namespace

int prim_worker_count(int pool_size, std::int64_t n) noexcept {
    const std::int64_t chunks = (n - 1 + prim_chunk - 1) / prim_chunk;
    return static_cast<int>(std::clamp<std::int64_t>(chunks, 1, pool_size));
}

void prim_tree(thread_pool& pool, prim_workspace& ws, const double* points, std::int64_t n, std::int64_t d,
               const tree_output& out) {
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
    const int workers = prim_worker_count(pool.size(), n);
    if (workers == 1) {
        run.work();
        return;
    }
    // No thread waits for a particular other one, so the pool may start the tasks in any order and at any time.
    pool.parallel_for(workers, [&](std::int64_t /*task*/, int /*participant*/) { run.work(); });
}

}  // namespace cheeger::iso
