#include "iso/kd_tree.hpp"

#include <algorithm>

namespace cheeger::iso {

namespace {

// A point's key in the dimension being split, its vertex (the tie-break) and its position before the split.
struct split_key {
    double x;
    std::int32_t vertex;
    std::int32_t from;
};

// The box and the least vertex of positions [first, last) into the node's rows of low/high.
void fit_box(kd_tree& tree, const double* rows, std::int64_t node, std::int64_t first, std::int64_t last) {
    const std::int64_t d = tree.d;
    double* low = tree.low.data() + node * d;
    double* high = tree.high.data() + node * d;
    const double* x = rows + first * d;
    std::copy_n(x, d, low);
    std::copy_n(x, d, high);
    std::int32_t least = tree.vertex_at[size_t(first)];
    for (std::int64_t p = first + 1; p < last; ++p) {
        least = std::min(least, tree.vertex_at[size_t(p)]);
        x = rows + p * d;
        for (std::int64_t j = 0; j < d; ++j) {
            low[j] = std::min(low[j], x[j]);
            high[j] = std::max(high[j], x[j]);
        }
    }
    tree.least_vertex[size_t(node)] = least;
}

std::int64_t widest_dimension(const kd_tree& tree, std::int64_t node) {
    const double* low = tree.low.data() + node * tree.d;
    const double* high = tree.high.data() + node * tree.d;
    std::int64_t widest = 0;
    for (std::int64_t j = 1; j < tree.d; ++j) {
        if (high[j] - low[j] > high[widest] - low[widest]) widest = j;
    }
    return widest;
}

// Reorders positions [first, last) so that the lower half by (x_j, vertex) comes first, vertices in place and
// rows from `from` into `to` (the level's other buffer: no copy back). The keys are gathered into one contiguous
// array first: nth_element then touches no point rows.
void split_at_median(kd_tree& tree, std::vector<split_key>& keys, const double* from, double* to, std::int64_t j,
                     std::int64_t first, std::int64_t middle, std::int64_t last) {
    const std::int64_t d = tree.d;
    keys.resize(size_t(last - first));
    for (std::int64_t p = first; p < last; ++p) {
        keys[size_t(p - first)] = {from[p * d + j], tree.vertex_at[size_t(p)], static_cast<std::int32_t>(p)};
    }
    std::nth_element(keys.begin(), keys.begin() + (middle - first), keys.end(),
                     [](const split_key& a, const split_key& b) { return a.x < b.x || (a.x == b.x && a.vertex < b.vertex); });
    for (std::int64_t i = 0; i < last - first; ++i) {
        const split_key& key = keys[size_t(i)];
        tree.vertex_at[size_t(first + i)] = key.vertex;
        std::copy_n(from + std::int64_t{key.from} * d, d, to + (first + i) * d);
    }
}

}  // namespace

void build_kd_tree(thread_pool& pool, kd_tree& tree, const double* points, std::int64_t n, std::int64_t d) {
    tree.n = n;
    tree.d = d;
    tree.vertex_at.resize(size_t(n));
    for (std::int64_t v = 0; v < n; ++v) tree.vertex_at[size_t(v)] = static_cast<std::int32_t>(v);
    tree.coordinates.assign(points, points + n * d);

    const auto resize_nodes = [&](std::int64_t nodes) {
        tree.begin.resize(size_t(nodes));
        tree.end.resize(size_t(nodes));
        tree.first_child.resize(size_t(nodes), -1);
        tree.least_vertex.resize(size_t(nodes));
        tree.low.resize(size_t(nodes * d));
        tree.high.resize(size_t(nodes * d));
    };
    // Only ranges above kd_leaf_size are split, at the median, so every leaf holds at least kd_leaf_size / 2
    // points (or is the root): at most 2 n / (kd_leaf_size / 2) nodes.
    tree.begin.clear();
    tree.end.clear();
    tree.first_child.clear();
    tree.least_vertex.clear();
    tree.low.clear();
    tree.high.clear();
    const auto expected = size_t(4 * n / kd_leaf_size + 2);
    tree.begin.reserve(expected);
    tree.end.reserve(expected);
    tree.first_child.reserve(expected);
    tree.least_vertex.reserve(expected);
    tree.low.reserve(expected * size_t(d));
    tree.high.reserve(expected * size_t(d));
    resize_nodes(1);
    tree.begin[0] = 0;
    tree.end[0] = static_cast<std::int32_t>(n);
    fit_box(tree, tree.coordinates.data(), 0, 0, n);

    // Level by level: the nodes of a level split independently (each its own range of positions), so they are
    // split on the pool; their children are numbered in the level's order before, so the tree does not depend
    // on which thread split which node.
    // The rows of a level's nodes sit in one of two buffers, coordinates and spare, by the level's parity; a split
    // writes its halves into the other. A leaf stays in the buffer its parent wrote, so the leaves that end in
    // the buffer the last level does not use are copied over at the end.
    std::vector<std::vector<split_key>> keys(size_t(pool.size()));
    tree.spare.resize(size_t(n * d));
    double* const buffer[2] = {tree.coordinates.data(), tree.spare.data()};
    std::vector<std::int64_t> leaf_parity[2];  // leaves by the buffer holding them
    int parity = 0;
    std::int64_t level_begin = 0, level_end = 1;
    while (level_begin < level_end) {
        std::int64_t next = level_end;
        for (std::int64_t node = level_begin; node < level_end; ++node) {
            if (tree.end[size_t(node)] - tree.begin[size_t(node)] <= kd_leaf_size) {
                leaf_parity[parity].push_back(node);
                continue;
            }
            tree.first_child[size_t(node)] = static_cast<std::int32_t>(next);
            next += 2;
        }
        if (next == level_end) break;  // a level of leaves only: the rows are in buffer[parity]
        resize_nodes(next);
        const double* from = buffer[parity];
        double* to = buffer[1 - parity];
        pool.parallel_for(level_end - level_begin, [&](std::int64_t task, int participant) {
            const std::int64_t node = level_begin + task;
            const std::int32_t child = tree.first_child[size_t(node)];
            if (child < 0) return;
            const std::int64_t first = tree.begin[size_t(node)], last = tree.end[size_t(node)];
            const std::int64_t middle = first + (last - first) / 2;
            split_at_median(tree, keys[size_t(participant)], from, to, widest_dimension(tree, node), first, middle,
                            last);
            tree.begin[size_t(child)] = static_cast<std::int32_t>(first);
            tree.end[size_t(child)] = static_cast<std::int32_t>(middle);
            tree.begin[size_t(child) + 1] = static_cast<std::int32_t>(middle);
            tree.end[size_t(child) + 1] = static_cast<std::int32_t>(last);
            fit_box(tree, to, child, first, middle);
            fit_box(tree, to, child + 1, middle, last);
        });
        parity = 1 - parity;
        level_begin = level_end;
        level_end = next;
    }
    const std::vector<std::int64_t>& stray = leaf_parity[1 - parity];
    pool.parallel_for(static_cast<std::int64_t>(stray.size()), [&](std::int64_t task, int) {
        const std::int64_t node = stray[size_t(task)];
        const std::int64_t first = tree.begin[size_t(node)], last = tree.end[size_t(node)];
        std::copy(buffer[1 - parity] + first * d, buffer[1 - parity] + last * d, buffer[parity] + first * d);
    });
    if (parity == 1) tree.coordinates.swap(tree.spare);
}

}  // namespace cheeger::iso
