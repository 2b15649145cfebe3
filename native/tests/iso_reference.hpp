// Plain references for the isoperimetric tests: Prim exactly as the spec states it (§2.2, one thread) and
// Kruskal under the same edge order.
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <tuple>
#include <utility>
#include <vector>

namespace cheeger_test {

inline double reference_d2(const double* a, const double* b, std::int64_t d) {
    double sum = 0.0;
    for (std::int64_t j = 0; j < d; ++j) {
        const double diff = a[j] - b[j];
        sum += diff * diff;
    }
    return sum;
}

inline bool reference_precedes(double d1, std::int32_t a1, std::int32_t b1, double d2, std::int32_t a2,
                               std::int32_t b2) {
    return std::make_tuple(d1, std::min(a1, b1), std::max(a1, b1)) <
           std::make_tuple(d2, std::min(a2, b2), std::max(a2, b2));
}

struct reference_tree {
    std::vector<std::int32_t> parent;
    std::vector<double> squared_length;
    std::vector<std::int32_t> order;
};

/// Prim from vertex 0, O(n^2 d), under the edge order (d2, min, max).
inline reference_tree reference_prim(const std::vector<double>& points, std::int64_t d) {
    const auto count = points.size() / static_cast<std::size_t>(d);
    const auto n = static_cast<std::int32_t>(count);
    reference_tree t{std::vector<std::int32_t>(count, 0), std::vector<double>(count, 0.0), {0}};
    std::vector<std::uint8_t> marks(count, 0);
    marks.at(0) = 1;
    t.parent.at(0) = -1;
    const double* x = points.data();
    std::int32_t* parent = t.parent.data();
    double* key = t.squared_length.data();
    std::uint8_t* in_tree = marks.data();
    for (std::int32_t v = 1; v < n; ++v) key[v] = reference_d2(x, x + v * d, d);
    for (std::int32_t step = 1; step < n; ++step) {
        std::int32_t u = -1;
        for (std::int32_t v = 1; v < n; ++v) {
            if (in_tree[v] != 0) continue;
            if (u < 0 || reference_precedes(key[v], parent[v], v, key[u], parent[u], u)) u = v;
        }
        in_tree[u] = 1;
        t.order.push_back(u);
        for (std::int32_t v = 1; v < n; ++v) {
            if (in_tree[v] != 0) continue;
            const double d2 = reference_d2(x + u * d, x + v * d, d);
            if (reference_precedes(d2, u, v, key[v], parent[v], v)) {
                key[v] = d2;
                parent[v] = u;
            }
        }
    }
    return t;
}

/// The edges (min, max) of Kruskal's tree under the edge order, sorted.
inline std::vector<std::pair<std::int32_t, std::int32_t>> reference_kruskal(const std::vector<double>& points,
                                                                             std::int64_t d) {
    const auto count = points.size() / static_cast<std::size_t>(d);
    const auto n = static_cast<std::int32_t>(count);
    const double* x = points.data();
    std::vector<std::tuple<double, std::int32_t, std::int32_t>> edges;
    for (std::int32_t a = 0; a < n; ++a) {
        for (std::int32_t b = a + 1; b < n; ++b) edges.emplace_back(reference_d2(x + a * d, x + b * d, d), a, b);
    }
    std::sort(edges.begin(), edges.end());
    std::vector<std::int32_t> roots(count);
    std::iota(roots.begin(), roots.end(), 0);
    std::int32_t* root = roots.data();
    auto find = [root](std::int32_t v) {
        while (root[v] != v) v = root[v] = root[root[v]];
        return v;
    };
    std::vector<std::pair<std::int32_t, std::int32_t>> tree;
    for (const auto& [length, a, b] : edges) {
        const std::int32_t ra = find(a), rb = find(b);
        if (ra == rb) continue;
        root[ra] = rb;
        tree.emplace_back(a, b);
    }
    std::sort(tree.begin(), tree.end());
    return tree;
}

}  // namespace cheeger_test
