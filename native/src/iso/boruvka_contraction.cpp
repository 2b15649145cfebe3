#include "iso/boruvka_contraction.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "iso/edge_order.hpp"

namespace cheeger::iso {

namespace {

constexpr std::int64_t vertices_per_block = 16384;

// Runs step(first, last, block) over [0, n) in blocks on the pool.
template <class Step>
void by_blocks(thread_pool& pool, std::int64_t n, Step&& step) {
    const std::int64_t blocks = (n + vertices_per_block - 1) / vertices_per_block;
    pool.parallel_for(blocks, [&](std::int64_t block, int) {
        step(block * vertices_per_block, std::min(n, (block + 1) * vertices_per_block), block);
    });
}

}  // namespace

void start_components(boruvka_components& c, std::int64_t n) {
    const auto size = static_cast<std::size_t>(n);
    c.component.resize(size);
    c.best_length.resize(size);
    c.best_other.resize(size);
    if (c.best_capacity < n) {
        c.component_best = std::make_unique<std::atomic<std::int32_t>[]>(size);
        c.best_capacity = n;
    }
    c.hooked_to.resize(size);
    c.block_hooks.resize(size / vertices_per_block + 2);
    c.edges.a.clear();
    c.edges.b.clear();
    c.edges.squared_length.clear();
    c.edges.a.reserve(size);
    c.edges.b.reserve(size);
    c.edges.squared_length.reserve(size);
    for (std::int64_t v = 0; v < n; ++v) c.component[static_cast<std::size_t>(v)] = static_cast<std::int32_t>(v);
}

std::int64_t merge_components(thread_pool& pool, boruvka_components& c, std::int64_t n, std::int64_t components,
                              vertex_numbering ids) {
    std::atomic<std::int32_t>* component_best = c.component_best.get();
    // True when vertex v's report precedes vertex w's.
    const auto report_precedes = [&](std::int32_t v, std::int32_t w) {
        return edge_precedes(c.best_length[size_t(v)], ids(v), ids(c.best_other[size_t(v)]), c.best_length[size_t(w)],
                             ids(w), ids(c.best_other[size_t(w)]));
    };

    // (2) The least edge of each component, over its vertices: a concurrent minimum, the same whichever order
    // the reports arrive in (a component's vertices report distinct edges).
    by_blocks(pool, n, [&](std::int64_t first, std::int64_t last, std::int64_t) {
        for (std::int64_t v = first; v < last; ++v) component_best[v].store(-1, std::memory_order_relaxed);
    });
    by_blocks(pool, n, [&](std::int64_t first, std::int64_t last, std::int64_t) {
        for (std::int64_t v = first; v < last; ++v) {
            if (c.best_other[size_t(v)] < 0) continue;
            const auto vertex = static_cast<std::int32_t>(v);
            std::atomic<std::int32_t>& best = component_best[c.component[size_t(v)]];
            std::int32_t current = best.load(std::memory_order_relaxed);
            while ((current < 0 || report_precedes(vertex, current)) &&
                   !best.compare_exchange_weak(current, vertex, std::memory_order_relaxed)) {
            }
        }
    });
    const auto best_of = [&](std::int32_t root) { return component_best[root].load(std::memory_order_relaxed); };

    // (3) Hooks, and the tree edges they add: counted by block of roots, then written in root order.
    by_blocks(pool, n, [&](std::int64_t first, std::int64_t last, std::int64_t block) {
        std::int64_t hooks = 0;
        for (std::int64_t root = first; root < last; ++root) {
            c.hooked_to[size_t(root)] = static_cast<std::int32_t>(root);
            if (c.component[size_t(root)] != root) continue;  // not a root
            const std::int32_t v = best_of(static_cast<std::int32_t>(root));
            if (v < 0) {
                throw error(CHEEGER_STATUS_INTERNAL_ERROR,
                            "Boruvka: component " + std::to_string(root) + " found no edge out of it");
            }
            const std::int32_t target = c.component[size_t(c.best_other[size_t(v)])];
            const bool mutual = c.component[size_t(c.best_other[size_t(best_of(target))])] == root;
            if (mutual && root < target) continue;  // the pair's smaller root stays; the other adds the edge
            c.hooked_to[size_t(root)] = target;
            ++hooks;
        }
        c.block_hooks[size_t(block)] = hooks;
    });
    const std::int64_t blocks = (n + vertices_per_block - 1) / vertices_per_block;
    auto at = static_cast<std::int64_t>(c.edges.a.size());
    for (std::int64_t block = 0; block < blocks; ++block) {
        const std::int64_t hooks = c.block_hooks[size_t(block)];
        c.block_hooks[size_t(block)] = at;
        at += hooks;
        components -= hooks;
    }
    c.edges.a.resize(size_t(at));
    c.edges.b.resize(size_t(at));
    c.edges.squared_length.resize(size_t(at));
    by_blocks(pool, n, [&](std::int64_t first, std::int64_t last, std::int64_t block) {
        auto e = static_cast<std::size_t>(c.block_hooks[size_t(block)]);
        for (std::int64_t root = first; root < last; ++root) {
            if (c.hooked_to[size_t(root)] == root) continue;  // not a root, or one that stays
            const std::int32_t v = best_of(static_cast<std::int32_t>(root));
            c.edges.a[e] = v;
            c.edges.b[e] = c.best_other[size_t(v)];
            c.edges.squared_length[e++] = c.best_length[size_t(v)];
        }
    });

    // (4) Every root to the root of its hook chain (halving the chains as it goes; serial, as it writes the
    // chains it walks), then every vertex to its root's.
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
    by_blocks(pool, n, [&](std::int64_t first, std::int64_t last, std::int64_t) {
        for (std::int64_t v = first; v < last; ++v) {
            std::int32_t& label = c.component[size_t(v)];
            label = c.hooked_to[size_t(label)];
        }
    });
    return components;
}

std::int64_t merge_components(boruvka_components& c, std::int64_t n, std::int64_t components, vertex_numbering ids) {
    thread_pool calling_thread(1);
    return merge_components(calling_thread, c, n, components, ids);
}

}  // namespace cheeger::iso
