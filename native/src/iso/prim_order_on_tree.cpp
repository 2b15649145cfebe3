#include "iso/prim_order_on_tree.hpp"

#include <queue>
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
};

// std::priority_queue keeps the greatest on top; "greater" here is "later in the edge order".
struct later_edge {
    bool operator()(const frontier_edge& x, const frontier_edge& y) const noexcept {
        return edge_precedes(y.squared_length, y.parent, y.vertex, x.squared_length, x.parent, x.vertex);
    }
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
    // Adjacency lists (CSR): each vertex's neighbours and the lengths of the edges to them, side by side so that
    // growing a vertex reads two contiguous runs.
    std::vector<std::int64_t> start(static_cast<std::size_t>(n) + 1, 0);
    for (std::int64_t e = 0; e < count; ++e) {
        const std::int32_t a = edges.a[static_cast<std::size_t>(e)], b = edges.b[static_cast<std::size_t>(e)];
        if (a < 0 || a >= n || b < 0 || b >= n || a == b) {
            not_a_tree("edge " + std::to_string(e) + " = (" + std::to_string(a) + ", " + std::to_string(b) + ")");
        }
        ++start[static_cast<std::size_t>(a) + 1];
        ++start[static_cast<std::size_t>(b) + 1];
    }
    for (std::int64_t v = 0; v < n; ++v) start[static_cast<std::size_t>(v) + 1] += start[static_cast<std::size_t>(v)];
    std::vector<std::int64_t> fill(start.begin(), start.end() - 1);
    std::vector<std::int32_t> neighbour(static_cast<std::size_t>(2 * count));
    std::vector<double> neighbour_length(static_cast<std::size_t>(2 * count));
    for (std::int64_t e = 0; e < count; ++e) {
        const std::int32_t a = edges.a[static_cast<std::size_t>(e)], b = edges.b[static_cast<std::size_t>(e)];
        const double length = edges.squared_length[static_cast<std::size_t>(e)];
        const auto at_a = static_cast<std::size_t>(fill[static_cast<std::size_t>(a)]++);
        const auto at_b = static_cast<std::size_t>(fill[static_cast<std::size_t>(b)]++);
        neighbour[at_a] = b;
        neighbour_length[at_a] = length;
        neighbour[at_b] = a;
        neighbour_length[at_b] = length;
    }

    std::vector<std::uint8_t> grown(static_cast<std::size_t>(n), 0);
    std::priority_queue<frontier_edge, std::vector<frontier_edge>, later_edge> frontier;
    // Grows id `v` (vertex `vertex`), by id as the edges are, so that the runs read are those of the ids' order.
    const auto grow = [&](std::int32_t v, std::int32_t vertex) {
        grown[static_cast<std::size_t>(v)] = 1;
        for (std::int64_t i = start[static_cast<std::size_t>(v)]; i < start[static_cast<std::size_t>(v) + 1]; ++i) {
            const std::int32_t other = neighbour[static_cast<std::size_t>(i)];
            if (grown[static_cast<std::size_t>(other)] == 0) {
                frontier.push({neighbour_length[static_cast<std::size_t>(i)], vertex, ids(other), other});
            }
        }
    };

    std::int32_t first = 0;  // the id of vertex 0
    while (first + 1 < n && ids(first) != 0) ++first;
    out.parent[0] = -1;
    out.squared_length[0] = 0.0;
    out.order[0] = 0;
    grow(first, 0);
    std::int64_t joined = 1;
    while (!frontier.empty()) {
        const frontier_edge least = frontier.top();
        frontier.pop();
        // In a tree every vertex is offered once, by its parent; a second offer means a cycle.
        if (grown[static_cast<std::size_t>(least.id)] != 0) not_a_tree("a cycle through vertex " + std::to_string(least.vertex));
        out.parent[least.vertex] = least.parent;
        out.squared_length[least.vertex] = least.squared_length;
        out.order[joined++] = least.vertex;
        grow(least.id, least.vertex);
    }
    if (joined != n) not_a_tree(std::to_string(n - joined) + " vertices unreached from vertex 0");
}

}  // namespace cheeger::iso
