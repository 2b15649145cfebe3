// The decision procedure of spec §4.2 in the level/pull form of §6.3 on the CPU: positions (breadth first) are
// processed from the last to the first, so every level after the one below it; each vertex pulls its
// children's contributions in sibling order, which is exactly the serial summation order, so val, good, joined,
// rep and the count equal the serial arrays bit for bit. A level of at least min_parallel_width vertices is split
// over the thread pool (its vertices depend only on the level below); runs of narrower levels go on the calling
// thread, because handing a level to the pool costs more than a few hundred vertices' work.
#pragma once

#include <cstdint>
#include <vector>

#include "core/thread_pool.hpp"
#include "iso/iso_backend.hpp"

namespace cheeger::iso {

/// The default least width of a level that is split over the pool (the managed LevelTreeDecider's).
inline constexpr std::int64_t default_min_parallel_width = 4096;

/// Test hook (cheeger_testing.h): the least width of a split level for trees loaded on this thread; 0 = default.
void set_min_parallel_width_override(std::int64_t width) noexcept;

class level_decider {
public:
    explicit level_decider(thread_pool& pool) noexcept : pool_(pool) {}

    /// Takes the tree (the view must stay valid) and grows the buffers for it.
    void load(const decision_tree& tree);

    /// F(epsilon).
    std::int64_t count(double epsilon, bool strict);

    /// The full decision, by vertex; returns F(epsilon).
    std::int64_t decide(double epsilon, bool strict, const decision_output& out);

private:
    // The closing test of positions end-1 down to begin; returns the number of closed sets among them.
    std::int64_t close(std::int64_t begin, std::int64_t end, double epsilon, bool strict) noexcept;
    template <bool Strict>
    std::int64_t close(std::int64_t begin, std::int64_t end, double epsilon) noexcept;

    thread_pool& pool_;
    decision_tree tree_{};
    std::int64_t min_parallel_width_ = default_min_parallel_width;
    // By position.
    std::vector<double> value_;
    std::vector<std::uint8_t> good_;
    std::vector<std::uint8_t> joined_;
    std::vector<std::int32_t> representative_;
    std::vector<std::int64_t> chunk_counts_;   // closed sets per chunk of a split level
};

}  // namespace cheeger::iso
