#include "iso/decision_layout.hpp"

#include <algorithm>
#include <cstring>

namespace cheeger::iso {

decision_tree build_decision_layout(workspace& ws, std::int64_t n, std::int32_t root, const std::int32_t* parent,
                                    const std::int32_t* sibling_rank, const double* parent_flow,
                                    const double* vertex_weight, const double* potential) noexcept {
    // Children by vertex, in sibling order: a counting sort by parent, each child placed at its rank.
    std::int32_t* count = ws.child_count.data();
    std::int32_t* start = ws.vertex_child_start.data();
    std::int32_t* children = ws.vertex_children.data();
    std::fill_n(count, n, 0);
    for (std::int64_t v = 0; v < n; ++v) {
        if (v != root) ++count[parent[v]];
    }
    start[0] = 0;
    for (std::int64_t v = 0; v < n; ++v) start[v + 1] = start[v] + count[v];
    std::fill_n(count, n, 0);
    for (std::int64_t v = 0; v < n; ++v) {
        if (v == root) continue;
        const std::int32_t p = parent[v];
        const std::int32_t rank = sibling_rank != nullptr ? sibling_rank[v] : count[p]++;
        children[start[p] + rank] = static_cast<std::int32_t>(v);
    }

    // Breadth first; a level ends where the children of the previous one have all been appended.
    std::int32_t* vertex_at = ws.vertex_at.data();
    std::int32_t* parent_at = ws.parent_at.data();
    std::int32_t* child_start = ws.child_start.data();
    std::int32_t* level_start = ws.level_start.data();
    std::int32_t tail = 0;
    vertex_at[tail++] = root;
    parent_at[0] = -1;
    std::int32_t level = 0;
    level_start[0] = 0;
    level_start[1] = 1;
    for (std::int32_t p = 0; p < n; ++p) {
        if (p == level_start[level + 1]) {
            ++level;
            level_start[level + 1] = tail;
        }
        const std::int32_t v = vertex_at[p];
        ws.position_of[static_cast<std::size_t>(v)] = p;
        child_start[p] = tail;
        for (std::int32_t i = start[v]; i < start[v + 1]; ++i) {
            parent_at[tail] = p;
            vertex_at[tail++] = children[i];
        }
    }
    child_start[n] = tail;

    for (std::int64_t p = 0; p < n; ++p) {
        const std::int32_t v = vertex_at[p];
        ws.flow_at[static_cast<std::size_t>(p)] = parent_flow[v];
        ws.weight_at[static_cast<std::size_t>(p)] = vertex_weight[v];
        ws.potential_at[static_cast<std::size_t>(p)] = potential[v];
    }

    decision_tree tree{};
    tree.n = n;
    tree.root = root;
    tree.max_depth = level;
    tree.parent = parent;
    tree.parent_flow = parent_flow;
    tree.vertex_weight = vertex_weight;
    tree.potential = potential;
    tree.vertex_at = vertex_at;
    tree.parent_at = parent_at;
    tree.child_start = child_start;
    tree.level_start = level_start;
    tree.flow_at = ws.flow_at.data();
    tree.weight_at = ws.weight_at.data();
    tree.potential_at = ws.potential_at.data();
    return tree;
}

}  // namespace cheeger::iso
