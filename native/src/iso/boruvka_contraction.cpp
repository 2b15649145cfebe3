#include "iso/boruvka_contraction.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "iso/edge_order.hpp"

namespace cheeger::iso {

void start_components(boruvka_components& c, std::int64_t n) {
    const auto size = static_cast<std::size_t>(n);
    c.component.resize(size);
    c.best_length.resize(size);
    c.best_other.resize(size);
    c.component_best.resize(size);
    c.hooked_to.resize(size);
    c.edges.a.clear();
    c.edges.b.clear();
    c.edges.squared_length.clear();
    for (std::int64_t v = 0; v < n; ++v) c.component[static_cast<std::size_t>(v)] = static_cast<std::int32_t>(v);
}

std::int64_t merge_components(boruvka_components& c, std::int64_t n, std::int64_t components, vertex_numbering ids) {
    // (2) The least edge of each component, over its vertices.
    std::fill(c.component_best.begin(), c.component_best.end(), -1);
    for (std::int64_t v = 0; v < n; ++v) {
        if (c.best_other[size_t(v)] < 0) continue;
        const auto vertex = static_cast<std::int32_t>(v);
        std::int32_t& best = c.component_best[static_cast<std::size_t>(c.component[size_t(v)])];
        if (best < 0 || edge_precedes(c.best_length[size_t(v)], ids(vertex), ids(c.best_other[size_t(v)]),
                                      c.best_length[size_t(best)], ids(best), ids(c.best_other[size_t(best)]))) {
            best = vertex;
        }
    }

    // (3) Hooks, and the tree edges they add.
    for (std::int64_t root = 0; root < n; ++root) {
        c.hooked_to[size_t(root)] = static_cast<std::int32_t>(root);
        if (c.component[size_t(root)] != root) continue;  // not a root
        const std::int32_t v = c.component_best[size_t(root)];
        if (v < 0) {
            throw error(CHEEGER_STATUS_INTERNAL_ERROR,
                        "Boruvka: component " + std::to_string(root) + " found no edge out of it");
        }
        const std::int32_t u = c.best_other[size_t(v)];
        const std::int32_t target = c.component[size_t(u)];
        const std::int32_t target_best = c.component_best[size_t(target)];
        const bool mutual = c.component[size_t(c.best_other[size_t(target_best)])] == root;
        if (mutual && root < target) continue;  // the pair's smaller root stays; the other adds the edge
        c.hooked_to[size_t(root)] = target;
        c.edges.a.push_back(v);
        c.edges.b.push_back(u);
        c.edges.squared_length.push_back(c.best_length[size_t(v)]);
        --components;
    }

    // (4) Every vertex to the root of its component's hook chain (halving the chains as it goes).
    for (std::int64_t root = 0; root < n; ++root) {
        if (c.component[size_t(root)] != root) continue;
        auto top = static_cast<std::int32_t>(root);
        while (c.hooked_to[size_t(top)] != top) top = c.hooked_to[size_t(top)];
        auto walk = static_cast<std::int32_t>(root);
        while (c.hooked_to[size_t(walk)] != top && walk != top) {
            const std::int32_t next = c.hooked_to[size_t(walk)];
            c.hooked_to[size_t(walk)] = top;
            walk = next;
        }
    }
    for (std::int64_t v = 0; v < n; ++v) {
        std::int32_t& label = c.component[size_t(v)];
        label = c.hooked_to[size_t(label)];
    }
    return components;
}

}  // namespace cheeger::iso
