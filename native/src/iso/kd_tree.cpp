#include "iso/kd_tree.hpp"

#include <algorithm>

namespace cheeger::iso {

namespace {

// The box of positions [first, last) into the node's rows of low/high.
void fit_box(kd_tree& tree, const double* points, std::int64_t node, std::int64_t first, std::int64_t last) {
    const std::int64_t d = tree.d;
    double* low = tree.low.data() + node * d;
    double* high = tree.high.data() + node * d;
    const double* x = points + static_cast<std::int64_t>(tree.vertex_at[size_t(first)]) * d;
    std::copy_n(x, d, low);
    std::copy_n(x, d, high);
    std::int32_t least = tree.vertex_at[size_t(first)];
    for (std::int64_t p = first + 1; p < last; ++p) {
        least = std::min(least, tree.vertex_at[size_t(p)]);
        x = points + static_cast<std::int64_t>(tree.vertex_at[size_t(p)]) * d;
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

}  // namespace

void build_kd_tree(kd_tree& tree, const double* points, std::int64_t n, std::int64_t d) {
    tree.n = n;
    tree.d = d;
    tree.vertex_at.resize(size_t(n));
    for (std::int64_t v = 0; v < n; ++v) tree.vertex_at[size_t(v)] = static_cast<std::int32_t>(v);
    // Only ranges above kd_leaf_size are split, at the median, so every leaf holds at least kd_leaf_size / 2
    // points (or is the root): at most 2 n / (kd_leaf_size / 2) nodes.
    const std::size_t expected = size_t(4 * n / kd_leaf_size + 2);
    tree.begin.clear();
    tree.end.clear();
    tree.first_child.clear();
    tree.begin.reserve(expected);
    tree.end.reserve(expected);
    tree.first_child.reserve(expected);
    tree.least_vertex.clear();
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

    add_node(0, n);
    // Nodes are split in the order they were added, so children always come after their parent.
    for (std::int64_t node = 0; node < tree.nodes(); ++node) {
        const std::int64_t first = tree.begin[size_t(node)], last = tree.end[size_t(node)];
        fit_box(tree, points, node, first, last);
        if (last - first <= kd_leaf_size) continue;
        const std::int64_t j = widest_dimension(tree, node);
        const std::int64_t middle = first + (last - first) / 2;
        std::int32_t* range = tree.vertex_at.data();
        std::nth_element(range + first, range + middle, range + last, [&](std::int32_t a, std::int32_t b) {
            const double xa = points[a * d + j], xb = points[b * d + j];
            return xa < xb || (xa == xb && a < b);
        });
        tree.first_child[size_t(node)] = static_cast<std::int32_t>(tree.nodes());
        add_node(first, middle);
        add_node(middle, last);
    }

    tree.coordinates.resize(size_t(n * d));
    for (std::int64_t p = 0; p < n; ++p) {
        std::copy_n(points + static_cast<std::int64_t>(tree.vertex_at[size_t(p)]) * d, d,
                    tree.coordinates.data() + p * d);
    }
}

}  // namespace cheeger::iso
