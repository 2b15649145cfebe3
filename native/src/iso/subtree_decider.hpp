// The decision procedure of spec §4.2 in the pull form of §6.3 on the CPU: positions (breadth first) are
// processed so that every vertex comes after its children; each vertex pulls its children's contributions in
// sibling order, which is exactly the serial summation order, so val, good, joined, rep and the count equal the
// serial arrays bit for bit whatever the split. The split is by subtrees, not levels: a tree of uniform points is
// thousands of levels deep and few levels are wide enough to be worth handing to the pool, while its subtrees
// are independent whatever their shape. At load the tree is cut into pieces, the maximal subtrees of at most
// piece_size vertices, grouped into chunks that the pool decides in parallel; the vertices above the pieces (the
// "top", each with a subtree larger than a piece) follow on the calling thread.
#pragma once

#include <cstdint>
#include <vector>

#include "core/thread_pool.hpp"
#include "iso/iso_backend.hpp"

namespace cheeger::iso {

/// The default least number of vertices of a piece (handing a chunk to the pool costs a few thousand
/// vertices' work).
inline constexpr std::int64_t default_min_piece_size = 4096;

/// Test hook (cheeger_testing_set_iso_min_decision_piece): the least piece size for trees loaded on this thread;
/// 0 = default.
void set_min_piece_size_override(std::int64_t size) noexcept;

class subtree_decider {
public:
    explicit subtree_decider(thread_pool& pool) noexcept : pool_(pool) {}

    /// Takes the tree (the view must stay valid), grows the buffers for it and cuts it into pieces.
    void load(const decision_tree& tree);

    /// F(epsilon).
    std::int64_t count(double epsilon, bool strict);

    /// The full decision, by vertex; returns F(epsilon).
    std::int64_t decide(double epsilon, bool strict, const decision_output& out);

private:
    // The closing test of slots end-1 down to begin (each after its children); returns the number of closed sets
    // among them. Listed: the slots' children are listed in top_children_ (the top), else contiguous.
    // Record: write the join flags too.
    template <bool Strict, bool Listed, bool Record>
    std::int64_t close(std::int64_t begin, std::int64_t end, double epsilon) noexcept;
    template <bool Record>
    std::int64_t close_bucket(std::int64_t bucket, double epsilon, bool strict) noexcept;
    template <bool Record>
    std::int64_t close_all(double epsilon, bool strict);
    void renumber(const std::int32_t* bucket);

    thread_pool& pool_;
    decision_tree tree_{};
    std::int64_t chunks_ = 0;  // 0: no split, the whole tree on the calling thread in the tree's own order
    // The decider's numbering ("slots"): the chunks' vertices, chunk by chunk, then the top's, each run in
    // breadth-first order. A piece's vertices are then contiguous in memory, as the deep, narrow levels of a
    // breadth-first order are not (measured: deciding in that order through an index list cost twice as much).
    // Without a split the slots are the tree's positions and these point into the tree.
    const double* flow_ = nullptr;
    const double* weight_ = nullptr;
    const double* potential_ = nullptr;
    const std::int32_t* child_begin_ = nullptr;  // a slot's children: [child_begin_, child_end_), slots (or, for
    const std::int32_t* child_end_ = nullptr;    // the top, entries of top_children_)
    std::vector<std::int64_t> bucket_start_;     // chunks_ + 2: where each chunk's slots (and the top's) start
    std::vector<std::int64_t> chunk_counts_;     // closed sets per chunk
    // By slot.
    std::vector<double> value_;
    std::vector<std::uint8_t> good_;
    std::vector<std::uint8_t> joined_;
    std::vector<std::int32_t> representative_;  // by position
    // The renumbered tree (split only).
    std::vector<double> own_flow_, own_weight_, own_potential_;
    std::vector<std::int32_t> own_child_begin_, own_child_end_;
    std::vector<std::int32_t> top_children_;     // the top's children, in sibling order, as slots
    std::vector<std::int32_t> scratch_;          // by position: subtree sizes, then its slot
};

}  // namespace cheeger::iso
