#include "iso/level_decider.hpp"

#include <algorithm>

#include "core/buffer.hpp"

namespace cheeger::iso {

namespace {

thread_local std::int64_t tls_min_parallel_width = 0;

}  // namespace

void set_min_parallel_width_override(std::int64_t width) noexcept { tls_min_parallel_width = width; }

void level_decider::load(const decision_tree& tree) {
    tree_ = tree;
    min_parallel_width_ = tls_min_parallel_width > 0 ? tls_min_parallel_width : default_min_parallel_width;
    grow_buffer(value_, tree.n, "the decision values");
    grow_buffer(good_, tree.n, "the decision closing flags");
    grow_buffer(joined_, tree.n, "the decision join flags");
    grow_buffer(representative_, tree.n, "the decision representatives");
    grow_buffer(chunk_counts_, pool_.size(), "the decision chunk counts");
    joined_[0] = 0;  // the root (position 0) is never joined; every other entry is written by its parent
}

template <bool Strict>
std::int64_t level_decider::close(std::int64_t begin, std::int64_t end, double epsilon) noexcept {
    const std::int32_t* child_start = tree_.child_start;
    const double* flow = tree_.flow_at;
    const double* weight = tree_.weight_at;
    const double* potential = tree_.potential_at;
    double* val = value_.data();
    std::uint8_t* good = good_.data();
    std::uint8_t* joined = joined_.data();
    std::int64_t closed = 0;
    // Written without short-circuits, so that the choices compile to selects: the tests follow the data, and
    // branches on them mispredict about as often as not.
    for (std::int64_t p = end - 1; p >= begin; --p) {
        double acc = potential[p] - epsilon * weight[p];
        for (std::int32_t c = child_start[p]; c < child_start[p + 1]; ++c) {
            const bool join = (good[c] == 0) & (val[c] < flow[c]);  // joining c is strictly cheaper than cutting it
            joined[c] = join ? 1 : 0;
            acc += join ? val[c] : flow[c];
        }
        val[p] = acc;
        const double total = acc + flow[p];  // the set closed here (root: + 0)
        const bool closes = Strict ? total < 0.0 : total <= 0.0;
        good[p] = closes ? 1 : 0;
        closed += closes ? 1 : 0;
    }
    return closed;
}

std::int64_t level_decider::close(std::int64_t begin, std::int64_t end, double epsilon, bool strict) noexcept {
    return strict ? close<true>(begin, end, epsilon) : close<false>(begin, end, epsilon);
}

std::int64_t level_decider::count(double epsilon, bool strict) {
    const std::int32_t* level_start = tree_.level_start;
    const int chunks = pool_.size();
    const bool may_split = chunks > 1;
    std::int64_t closed = 0;
    // Walk the levels from the deepest up; a run of narrow levels is one contiguous range of positions.
    std::int64_t run_end = tree_.n;
    for (std::int32_t level = tree_.max_depth; level >= 0; --level) {
        const std::int64_t begin = level_start[level], end = level_start[level + 1];
        if (!may_split || end - begin < min_parallel_width_) continue;
        closed += close(end, run_end, epsilon, strict);
        const std::int64_t width = end - begin;
        pool_.parallel_for(chunks, [&](std::int64_t chunk, int /*participant*/) {
            chunk_counts_[static_cast<std::size_t>(chunk)] =
                close(begin + width * chunk / chunks, begin + width * (chunk + 1) / chunks, epsilon, strict);
        });
        for (int chunk = 0; chunk < chunks; ++chunk) closed += chunk_counts_[static_cast<std::size_t>(chunk)];
        run_end = begin;
    }
    closed += close(0, run_end, epsilon, strict);
    return closed;
}

std::int64_t level_decider::decide(double epsilon, bool strict, const decision_output& out) {
    const std::int64_t closed = count(epsilon, strict);
    const std::int64_t n = tree_.n;
    const std::int32_t* parent_at = tree_.parent_at;
    const std::int32_t* vertex_at = tree_.vertex_at;
    std::int32_t* rep = representative_.data();
    for (std::int64_t p = 0; p < n; ++p) {  // parents before children
        rep[p] = joined_[static_cast<std::size_t>(p)] != 0 ? rep[parent_at[p]] : static_cast<std::int32_t>(p);
    }
    for (std::int64_t p = 0; p < n; ++p) {
        const std::int32_t v = vertex_at[p];
        out.value[v] = value_[static_cast<std::size_t>(p)];
        out.good[v] = good_[static_cast<std::size_t>(p)];
        out.joined[v] = joined_[static_cast<std::size_t>(p)];
        out.representative[v] = vertex_at[rep[p]];
    }
    return closed;
}

}  // namespace cheeger::iso
