#include "iso/prim_order_on_tree.hpp"

#include <memory>
#include <string>

#include "core/error.hpp"
#include "iso/edge_order.hpp"

namespace cheeger::iso {

namespace {

struct frontier_edge {
    double squared_length;
    std::int32_t parent;  // in the grown set (a vertex)
    std::int32_t vertex;  // outside it
    std::int32_t id;      // the vertex's id
    std::int32_t parent_id;
    std::int32_t begin;   // the vertex's adjacency list, carried along: growing it then reads no list start
    std::int32_t end;
};

bool precedes(const frontier_edge& x, const frontier_edge& y) noexcept {
    return edge_precedes(x.squared_length, x.parent, x.vertex, y.squared_length, y.parent, y.vertex);
}

// A neighbour in the adjacency lists: the length of the edge to it, its id, its vertex and where its own list
// lies, side by side (one read).
struct adjacent {
    double squared_length;
    std::int32_t id;
    std::int32_t vertex;
    std::int32_t begin;
    std::int32_t end;
};

// The frontier: a 4-ary min-heap (half the depth of a binary one, and a node's children share a cache line or
// two) plus the least edge offered since the last take, held outside the heap. Growing a vertex often offers
// the very next edge taken (a path of the tree); holding it spares that edge a push and a pop.
class frontier_heap {
public:
    explicit frontier_heap(std::size_t capacity) { heap_.reserve(capacity); }

    [[nodiscard]] bool empty() const noexcept { return !holding_ && heap_.empty(); }

    void offer(const frontier_edge& e) {
        if (!holding_) {
            held_ = e;
            holding_ = true;
        } else if (precedes(e, held_)) {
            push(held_);
            held_ = e;
        } else {
            push(e);
        }
    }

    frontier_edge take() noexcept {
        if (holding_ && (heap_.empty() || precedes(held_, heap_[0]))) {
            holding_ = false;
            return held_;
        }
        const frontier_edge least = heap_[0];
        const frontier_edge last = heap_.back();
        heap_.pop_back();
        if (!heap_.empty()) sift_down(last);
        return least;
    }

private:
    void push(const frontier_edge& e) {
        std::size_t i = heap_.size();
        heap_.push_back(e);
        while (i > 0) {
            const std::size_t up = (i - 1) / 4;
            if (!precedes(e, heap_[up])) break;
            heap_[i] = heap_[up];
            i = up;
        }
        heap_[i] = e;
    }

    // Places `e` from the root down, as the replacement of the taken root.
    void sift_down(const frontier_edge& e) noexcept {
        const std::size_t size = heap_.size();
        std::size_t i = 0;
        for (;;) {
            const std::size_t first = 4 * i + 1;
            if (first >= size) break;
            std::size_t least = first;
            const std::size_t last = first + 4 < size ? first + 4 : size;
            for (std::size_t c = first + 1; c < last; ++c) {
                if (precedes(heap_[c], heap_[least])) least = c;
            }
            if (!precedes(heap_[least], e)) break;
            heap_[i] = heap_[least];
            i = least;
        }
        heap_[i] = e;
    }

    std::vector<frontier_edge> heap_;
    frontier_edge held_{};
    bool holding_ = false;
};

[[noreturn]] void not_a_tree(const std::string& why) {
    throw error(CHEEGER_STATUS_INTERNAL_ERROR, "the spanning-tree edges do not form a spanning tree: " + why);
}

}  // namespace

void prim_order_on_tree(std::int64_t n, const tree_edges& edges, const tree_output& out, vertex_numbering ids) {
    if (n < 1) not_a_tree("no vertices");
    const auto count = static_cast<std::int64_t>(edges.a.size());
    if (count != n - 1 || static_cast<std::int64_t>(edges.b.size()) != count ||
        static_cast<std::int64_t>(edges.squared_length.size()) != count) {
        not_a_tree(std::to_string(count) + " edges for " + std::to_string(n) + " vertices");
    }
    // Adjacency lists (CSR) by id.
    std::vector<std::int32_t> start(static_cast<std::size_t>(n) + 1, 0);
    for (std::int64_t e = 0; e < count; ++e) {
        const std::int32_t a = edges.a[static_cast<std::size_t>(e)], b = edges.b[static_cast<std::size_t>(e)];
        if (a < 0 || a >= n || b < 0 || b >= n || a == b) {
            not_a_tree("edge " + std::to_string(e) + " = (" + std::to_string(a) + ", " + std::to_string(b) + ")");
        }
        ++start[static_cast<std::size_t>(a) + 1];
        ++start[static_cast<std::size_t>(b) + 1];
    }
    for (std::int64_t v = 0; v < n; ++v) start[static_cast<std::size_t>(v) + 1] += start[static_cast<std::size_t>(v)];
    std::vector<std::int32_t> fill(start.begin(), start.end() - 1);
    // Uninitialised (every entry is written below): zeroing 48 MB at n = 1e6 first would double the writes.
    const std::unique_ptr<adjacent[]> neighbour(new adjacent[static_cast<std::size_t>(2 * count)]);
    for (std::int64_t e = 0; e < count; ++e) {
        const std::int32_t a = edges.a[static_cast<std::size_t>(e)], b = edges.b[static_cast<std::size_t>(e)];
        const double length = edges.squared_length[static_cast<std::size_t>(e)];
        neighbour[static_cast<std::size_t>(fill[static_cast<std::size_t>(a)]++)] =
            {length, b, ids(b), start[static_cast<std::size_t>(b)], start[static_cast<std::size_t>(b) + 1]};
        neighbour[static_cast<std::size_t>(fill[static_cast<std::size_t>(b)]++)] =
            {length, a, ids(a), start[static_cast<std::size_t>(a)], start[static_cast<std::size_t>(a) + 1]};
    }

    std::vector<std::uint8_t> grown(static_cast<std::size_t>(n), 0);
    // The parent and squared length by id while growing: the ids of a grown region are close together, the
    // vertices are not; they go to `out` by vertex in one pass after.
    // (Uninitialised too: every id but the first is written once the tree is checked.)
    const std::unique_ptr<std::int32_t[]> parent_by_id(new std::int32_t[static_cast<std::size_t>(n)]);
    const std::unique_ptr<double[]> length_by_id(new double[static_cast<std::size_t>(n)]);
    frontier_heap frontier(static_cast<std::size_t>(n));
    // Grows id `v` (vertex `vertex`, reached from id `from`, its list [begin, end)). In a tree the only grown
    // neighbour is the one it was reached from; a cycle would offer a grown vertex, which the take below
    // catches. Each offered vertex's list is fetched ahead: most are taken soon after.
    const auto grow = [&](std::int32_t v, std::int32_t vertex, std::int32_t from, std::int32_t begin, std::int32_t end) {
        grown[static_cast<std::size_t>(v)] = 1;
        for (std::int32_t i = begin; i < end; ++i) {
            const adjacent& next = neighbour[static_cast<std::size_t>(i)];
            if (next.id == from) continue;
            __builtin_prefetch(neighbour.get() + next.begin);
            frontier.offer({next.squared_length, vertex, next.vertex, next.id, v, next.begin, next.end});
        }
    };

    std::int32_t first = 0;  // the id of vertex 0
    while (first + 1 < n && ids(first) != 0) ++first;
    out.parent[0] = -1;
    out.squared_length[0] = 0.0;
    out.order[0] = 0;
    grow(first, 0, -1, start[static_cast<std::size_t>(first)], start[static_cast<std::size_t>(first) + 1]);
    std::int64_t joined = 1;
    while (!frontier.empty()) {
        const frontier_edge least = frontier.take();
        // In a tree every vertex is offered once, by its parent; a second offer means a cycle.
        if (grown[static_cast<std::size_t>(least.id)] != 0 || joined == n) {
            not_a_tree("a cycle through vertex " + std::to_string(least.vertex));
        }
        parent_by_id[static_cast<std::size_t>(least.id)] = least.parent;
        length_by_id[static_cast<std::size_t>(least.id)] = least.squared_length;
        out.order[joined++] = least.vertex;
        grow(least.id, least.vertex, least.parent_id, least.begin, least.end);
    }
    if (joined != n) not_a_tree(std::to_string(n - joined) + " vertices unreached from vertex 0");
    for (std::int32_t id = 0; id < n; ++id) {
        if (id == first) continue;
        const std::int32_t vertex = ids(id);
        out.parent[vertex] = parent_by_id[static_cast<std::size_t>(id)];
        out.squared_length[vertex] = length_by_id[static_cast<std::size_t>(id)];
    }
}

}  // namespace cheeger::iso
