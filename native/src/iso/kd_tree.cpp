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
void fit_box(kd_tree& tree, std::int64_t node, std::int64_t first, std::int64_t last) {
    const std::int64_t d = tree.d;
    double* low = tree.low.data() + node * d;
    double* high = tree.high.data() + node * d;
    const double* x = tree.coordinates.data() + first * d;
    std::copy_n(x, d, low);
    std::copy_n(x, d, high);
    std::int32_t least = tree.vertex_at[size_t(first)];
    for (std::int64_t p = first + 1; p < last; ++p) {
        least = std::min(least, tree.vertex_at[size_t(p)]);
        x = tree.coordinates.data() + p * d;
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

// Reorders positions [first, last) so that the lower half by (x_j, vertex) comes first, rows and vertices alike.
// The keys are gathered into one contiguous array first: nth_element then touches no point rows.
void split_at_median(kd_tree& tree, std::vector<split_key>& keys, std::vector<double>& rows, std::int64_t j,
                     std::int64_t first, std::int64_t middle, std::int64_t last) {
    const std::int64_t d = tree.d;
    keys.resize(size_t(last - first));
    for (std::int64_t p = first; p < last; ++p) {
        keys[size_t(p - first)] = {tree.coordinates[size_t(p * d + j)], tree.vertex_at[size_t(p)],
                                   static_cast<std::int32_t>(p)};
    }
    std::nth_element(keys.begin(), keys.begin() + (middle - first), keys.end(),
                     [](const split_key& a, const split_key& b) { return a.x < b.x || (a.x == b.x && a.vertex < b.vertex); });
    rows.resize(size_t((last - first) * d));
    for (std::int64_t i = 0; i < last - first; ++i) {
        const split_key& key = keys[size_t(i)];
        tree.vertex_at[size_t(first + i)] = key.vertex;
        std::copy_n(tree.coordinates.data() + std::int64_t{key.from} * d, d, rows.data() + i * d);
    }
    std::copy(rows.begin(), rows.end(), tree.coordinates.begin() + first * d);
}

}  // namespace

void build_kd_tree(kd_tree& tree, const double* points, std::int64_t n, std::int64_t d) {
    tree.n = n;
    tree.d = d;
    tree.vertex_at.resize(size_t(n));
    for (std::int64_t v = 0; v < n; ++v) tree.vertex_at[size_t(v)] = static_cast<std::int32_t>(v);
    tree.coordinates.assign(points, points + n * d);
    // Only ranges above kd_leaf_size are split, at the median, so every leaf holds at least kd_leaf_size / 2
    // points (or is the root): at most 2 n / (kd_leaf_size / 2) nodes.
    const std::size_t expected = size_t(4 * n / kd_leaf_size + 2);
    tree.begin.clear();
    tree.end.clear();
    tree.first_child.clear();
    tree.least_vertex.clear();
    tree.begin.reserve(expected);
    tree.end.reserve(expected);
    tree.first_child.reserve(expected);
    tree.least_vertex.reserve(expected);
    tree.low.clear();
    tree.high.clear();

    const auto add_node = [&](std::int64_t first, std::int64_t last) {
        tree.begin.push_back(static_cast<std::int32_t>(first));
        tree.end.push_back(static_cast<std::int32_t>(last));
        tree.first_child.push_back(-1);
        tree.least_vertex.push_back(0);
        tree.low.resize(tree.low.size() + size_t(d));
        tree.high.resize(tree.high.size() + size_t(d));
        return tree.nodes() - 1;
    };

    std::vector<split_key> keys;
    std::vector<double> rows;
    add_node(0, n);
    // Nodes are split in the order they were added, so children always come after their parent.
    for (std::int64_t node = 0; node < tree.nodes(); ++node) {
        const std::int64_t first = tree.begin[size_t(node)], last = tree.end[size_t(node)];
        fit_box(tree, node, first, last);
        if (last - first <= kd_leaf_size) continue;
        const std::int64_t middle = first + (last - first) / 2;
        split_at_median(tree, keys, rows, widest_dimension(tree, node), first, middle, last);
        tree.first_child[size_t(node)] = static_cast<std::int32_t>(tree.nodes());
        add_node(first, middle);
        add_node(middle, last);
    }
}

}  // namespace cheeger::iso
