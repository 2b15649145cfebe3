#include "iso/prim_cpu.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "core/buffer.hpp"
#include "iso/edge_order.hpp"
#include "iso/spin_barrier.hpp"
#include "iso/squared_distance.hpp"

// One step t (after the root's): every worker offers the edges from u (the vertex that joined last) to its packed
// vertices, keeps the shorter edge (an equally long one when its endpoint pair is smaller) and finds its least
// kept edge under the edge order; the candidates go to slot parity(t); after the barrier every worker reduces
// them in worker order (the order is total, so all pick the same u'), the owner of u' unpacks it, worker 0
// writes the tree arrays. Candidates are double-buffered by step parity, so one barrier per step suffices: a
// worker writes slot parity(t+2) only after the barrier of step t+1, which every reader of step t has passed.

namespace cheeger::iso {

namespace {

#if defined(__GNUC__) && defined(__AVX__)
#define CHEEGER_ISO_PRIM_VECTORS 1
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

inline bool any(lanes_i mask) noexcept { return (mask[0] | mask[1] | mask[2] | mask[3]) != 0; }
#endif

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

class prim_worker {
public:
    prim_worker(prim_workspace& ws, const double* points, std::int64_t n, std::int64_t d, int worker, int workers)
        : ws_(ws), points_(points), n_(n), d_(d), w_(worker), workers_(workers),
          pack_(ws.packs[static_cast<std::size_t>(worker)]),
          columns_(ws.columns.data() + pack_.first * d),
          keys_(ws.keys.data() + pack_.first),
          parents_(ws.parents.data() + pack_.first),
          vertices_(ws.vertices.data() + pack_.first) {}

    // Packs this worker's vertices (blocks w, w + workers, ... of prim_block vertices, vertex 0 excluded).
    void pack() noexcept {
        std::int64_t count = 0;
        const std::int64_t capacity = pack_.capacity;
        for (std::int64_t start = static_cast<std::int64_t>(w_) * prim_block; start < n_;
             start += static_cast<std::int64_t>(workers_) * prim_block) {
            const std::int64_t end = std::min(start + prim_block, n_);
            for (std::int64_t v = std::max<std::int64_t>(start, 1); v < end; ++v) {
                const double* row = points_ + v * d_;
                for (std::int64_t j = 0; j < d_; ++j) columns_[j * capacity + count] = row[j];
                vertices_[count] = static_cast<std::int32_t>(v);
                ws_.position[static_cast<std::size_t>(v)] = static_cast<std::int32_t>(count);
                ++count;
            }
        }
        pack_.count = count;
    }

    void run(spin_barrier* barrier, const tree_output& out) noexcept {
        std::int32_t u = 0;
        for (std::int64_t t = 0; t + 1 < n_; ++t) {
            const least_edge local = step(u, t == 0);
            prim_candidate* slots = ws_.candidates.data() + (t & 1) * workers_;
            slots[w_] = prim_candidate{local.key, local.parent, local.vertex};
            if (barrier != nullptr) barrier->arrive_and_wait();

            least_edge best;
            for (int q = 0; q < workers_; ++q) {
                if (slots[q].vertex >= 0) best.offer(slots[q].key, slots[q].parent, slots[q].vertex);
            }
            u = best.vertex;
            if (owner(u) == w_) remove(u);
            if (w_ == 0) {
                out.order[t + 1] = u;
                out.parent[u] = best.parent;
                out.squared_length[u] = best.key;
            }
        }
    }

private:
    [[nodiscard]] int owner(std::int32_t v) const noexcept {
        return static_cast<int>(v / prim_block % workers_);
    }

    // Moves the last packed vertex into u's slot and shrinks the pack.
    void remove(std::int32_t u) noexcept {
        const std::int64_t i = ws_.position[static_cast<std::size_t>(u)];
        const std::int64_t last = --pack_.count;
        if (i == last) return;
        const std::int64_t capacity = pack_.capacity;
        for (std::int64_t j = 0; j < d_; ++j) columns_[j * capacity + i] = columns_[j * capacity + last];
        keys_[i] = keys_[last];
        parents_[i] = parents_[last];
        vertices_[i] = vertices_[last];
        ws_.position[static_cast<std::size_t>(vertices_[i])] = static_cast<std::int32_t>(i);
    }

    // Offers the edges from u to every packed vertex (assign: takes them, the root's step) and returns the
    // least kept edge.
    least_edge step(std::int32_t u, bool assign) noexcept {
        const double* row = points_ + static_cast<std::int64_t>(u) * d_;
        const std::int64_t count = pack_.count, capacity = pack_.capacity;
        least_edge best;
        std::int64_t i = 0;
#ifdef CHEEGER_ISO_PRIM_VECTORS
        lane_minimum minimum;
        // Four vectors at a time: four independent sums in flight (each lane still adds its own dimensions in
        // order), so the loop is not bound by the latency of one chain of additions.
        for (; i + 4 * lane_count <= count; i += 4 * lane_count) {
            lanes_d a0 = {0, 0, 0, 0}, a1 = a0, a2 = a0, a3 = a0;
            const double* column = columns_ + i;
            for (std::int64_t j = 0; j < d_; ++j, column += capacity) {
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
        for (; i + lane_count <= count; i += lane_count) {
            lanes_d acc = {0, 0, 0, 0};
            const double* column = columns_ + i;
            for (std::int64_t j = 0; j < d_; ++j, column += capacity) {
                const lanes_d diff = load(column) - row[j];
                acc += diff * diff;
            }
            offer_block(u, i, acc, assign, minimum);
        }
        if (i > 0) {
            if (any(minimum.tie)) {
                // Equal keys within a lane: settle them by the full edge order.
                for (std::int64_t p = 0; p < i; ++p) best.offer(keys_[p], parents_[p], vertices_[p]);
            } else {
                for (std::int64_t l = 0; l < lane_count; ++l) {
                    const std::int64_t p = minimum.at[l];
                    best.offer(keys_[p], parents_[p], vertices_[p]);
                }
            }
        }
#endif
        for (; i < count; ++i) {
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
        lanes_d key;
        if (assign) {
            key = offered;
            const lanes_i32 all_u = {u, u, u, u};
            std::memcpy(parents_ + i, &all_u, sizeof all_u);
        } else {
            const lanes_d old = load(keys_ + i);
            const lanes_i less = offered < old;
            key = less ? offered : old;
            if (any(less)) {
                const lanes_i32 take = __builtin_convertvector(less, lanes_i32);
                const lanes_i32 all_u = {u, u, u, u};
                lanes_i32 kept;
                std::memcpy(&kept, parents_ + i, sizeof kept);
                kept = (kept & ~take) | (all_u & take);
                std::memcpy(parents_ + i, &kept, sizeof kept);
            }
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
    int w_;
    int workers_;
    prim_pack& pack_;
    double* columns_;
    double* keys_;
    std::int32_t* parents_;
    std::int32_t* vertices_;
};

// Slots of worker w's pack: its vertices rounded up to whole cache lines of doubles.
std::int64_t pack_size(std::int64_t n, int worker, int workers) noexcept {
    std::int64_t count = 0;
    for (std::int64_t start = static_cast<std::int64_t>(worker) * prim_block; start < n;
         start += static_cast<std::int64_t>(workers) * prim_block) {
        count += std::min(start + prim_block, n) - std::max<std::int64_t>(start, 1);
    }
    return round_up_to_cache_line<double>(std::max<std::int64_t>(count, 1));
}

}  // namespace

int prim_worker_count(int pool_size, std::int64_t n) noexcept {
    const std::int64_t blocks = (n - 1 + prim_block - 1) / prim_block;
    return static_cast<int>(std::clamp<std::int64_t>(blocks, 1, pool_size));
}

void prim_tree(thread_pool& pool, prim_workspace& ws, const double* points, std::int64_t n, std::int64_t d,
               const tree_output& out) {
    out.parent[0] = -1;
    out.squared_length[0] = 0.0;
    out.order[0] = 0;
    if (n == 1) return;

    const int workers = prim_worker_count(pool.size(), n);
    grow_buffer(ws.packs, workers, "the Prim worker packs");
    std::int64_t slots = 0;
    for (int w = 0; w < workers; ++w) {
        prim_pack& pack = ws.packs[static_cast<std::size_t>(w)];
        pack.first = slots;
        pack.capacity = pack_size(n, w, workers);
        pack.count = 0;
        slots += pack.capacity;
    }
    if (slots > std::numeric_limits<std::int64_t>::max() / d) {
        throw error(CHEEGER_STATUS_OUT_OF_MEMORY, message("the Prim packs of n = ", n, " points in d = ", d,
                                                          " dimensions exceed the address space"));
    }
    grow_buffer(ws.columns, slots * d, "the Prim point columns");
    grow_buffer(ws.keys, slots, "the Prim edge keys");
    grow_buffer(ws.parents, slots, "the Prim edge parents");
    grow_buffer(ws.vertices, slots, "the Prim packed vertices");
    grow_buffer(ws.position, n, "the Prim vertex positions");
    grow_buffer(ws.candidates, 2 * std::int64_t{workers}, "the Prim step candidates");

    if (workers == 1) {
        prim_worker worker(ws, points, n, d, 0, 1);
        worker.pack();
        worker.run(nullptr, out);
        return;
    }
    // One task per worker; each task blocks at the barrier until all have started, so no participant of the
    // pool can take two tasks and every task gets its own thread.
    spin_barrier barrier(workers);
    pool.parallel_for(workers, [&](std::int64_t task, int /*participant*/) {
        prim_worker worker(ws, points, n, d, static_cast<int>(task), workers);
        worker.pack();
        barrier.arrive_and_wait();  // every pack (and position entry) is written before any step reads it
        worker.run(&barrier, out);
    });
}

}  // namespace cheeger::iso
