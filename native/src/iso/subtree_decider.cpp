#include "iso/subtree_decider.hpp"

#include <algorithm>

#include "core/buffer.hpp"

namespace cheeger::iso {

namespace {

thread_local std::int64_t tls_min_piece_size = 0;

// Pieces per participant (at most): small pieces let the chunks come out even.
constexpr std::int64_t pieces_per_participant = 16;
// Chunks per participant: the pool hands chunks out as threads come free, so a thread slowed by other load
// takes fewer of them.
constexpr std::int64_t chunks_per_participant = 4;

}  // namespace

void set_min_piece_size_override(std::int64_t size) noexcept { tls_min_piece_size = size; }

void subtree_decider::load(const decision_tree& tree) {
    tree_ = tree;
    const std::int64_t n = tree.n;
    grow_buffer(value_, n, "the decision values");
    grow_buffer(good_, n, "the decision closing flags");
    grow_buffer(joined_, n, "the decision join flags");
    grow_buffer(representative_, n, "the decision representatives");

    const std::int64_t participants = pool_.size();
    const std::int64_t min_piece = tls_min_piece_size > 0 ? tls_min_piece_size : default_min_piece_size;
    const std::int64_t piece_size =
        std::max(min_piece, (n + participants * pieces_per_participant - 1) / (participants * pieces_per_participant));
    chunks_ = participants > 1 && n > piece_size ? participants * chunks_per_participant : 0;
    grow_buffer(bucket_start_, chunks_ + 2, "the decision chunk starts");
    grow_buffer(chunk_counts_, chunks_ + 1, "the decision chunk counts");
    if (chunks_ == 0) {
        flow_ = tree.flow_at;
        weight_ = tree.weight_at;
        potential_ = tree.potential_at;
        child_begin_ = tree.child_start;
        child_end_ = tree.child_start + 1;
        joined_[0] = 0;  // the root is never joined; every other entry is written by its parent
        return;
    }

    // Subtree sizes (in scratch_), children before parents.
    grow_buffer(scratch_, n, "the decision subtree sizes");
    const std::int32_t* parent_at = tree.parent_at;
    std::int32_t* size = scratch_.data();
    std::fill_n(size, n, 1);
    for (std::int64_t p = n - 1; p > 0; --p) size[parent_at[p]] += size[p];
    std::int64_t covered = 0;  // vertices in pieces
    for (std::int64_t p = 1; p < n; ++p) {
        if (size[p] <= piece_size && size[parent_at[p]] > piece_size) covered += size[p];
    }
    // Each position's bucket (in representative_, free until decide): a piece's chunk, or chunks_ for the top.
    // Pieces go to chunks in position order, a chunk closing once it holds its share of the covered vertices.
    std::int32_t* bucket = representative_.data();
    std::int64_t chunk = 0, filled = 0;
    bucket[0] = static_cast<std::int32_t>(chunks_);  // the root's subtree is larger than a piece (n > piece_size)
    for (std::int64_t p = 1; p < n; ++p) {
        const std::int32_t up = parent_at[p];
        if (size[p] > piece_size) {
            bucket[p] = static_cast<std::int32_t>(chunks_);
        } else if (size[up] > piece_size) {
            while (chunk + 1 < chunks_ && filled >= covered * (chunk + 1) / chunks_) ++chunk;
            bucket[p] = static_cast<std::int32_t>(chunk);
            filled += size[p];
        } else {
            bucket[p] = bucket[up];
        }
    }
    renumber(bucket);
}

// Slots by bucket, each run in position order (a counting sort), and the tree in them. The children of a vertex
// below the top are contiguous positions of its own piece, so they stay contiguous slots; the top's children
// span buckets and are listed.
void subtree_decider::renumber(const std::int32_t* bucket) {
    const std::int64_t n = tree_.n;
    std::int64_t* start = bucket_start_.data();
    std::fill_n(start, chunks_ + 2, 0);
    for (std::int64_t p = 0; p < n; ++p) ++start[bucket[p] + 1];
    for (std::int64_t b = 0; b <= chunks_; ++b) start[b + 1] += start[b];
    std::int64_t* next = chunk_counts_.data();  // scratch: each bucket's next free slot
    std::copy_n(start, chunks_ + 1, next);
    std::int32_t* slot = scratch_.data();  // the sizes are no longer needed
    for (std::int64_t p = 0; p < n; ++p) slot[p] = static_cast<std::int32_t>(next[bucket[p]]++);

    grow_buffer(own_flow_, n, "the decision flows");
    grow_buffer(own_weight_, n, "the decision weights");
    grow_buffer(own_potential_, n, "the decision potentials");
    grow_buffer(own_child_begin_, n, "the decision child starts");
    grow_buffer(own_child_end_, n, "the decision child ends");
    std::int64_t top_child_count = 0;
    for (std::int64_t p = 0; p < n; ++p) {
        if (bucket[p] == chunks_) top_child_count += tree_.child_start[p + 1] - tree_.child_start[p];
    }
    grow_buffer(top_children_, top_child_count, "the decision top children");
    // Every slot's entries, on the pool (each position writes its own slot); the top's child lists after, on
    // the calling thread, in position order.
    const std::int32_t top = static_cast<std::int32_t>(chunks_);
    constexpr std::int64_t block = 16384;
    pool_.parallel_for((n + block - 1) / block, [&](std::int64_t task, int) {
        const std::int64_t end = std::min(n, (task + 1) * block);
        for (std::int64_t p = task * block; p < end; ++p) {
            const std::int32_t s = slot[p];
            own_flow_[size_t(s)] = tree_.flow_at[p];
            own_weight_[size_t(s)] = tree_.weight_at[p];
            own_potential_[size_t(s)] = tree_.potential_at[p];
            if (bucket[p] == top) continue;
            const std::int32_t first = tree_.child_start[p], last = tree_.child_start[p + 1];
            own_child_begin_[size_t(s)] = first < last ? slot[first] : 0;
            own_child_end_[size_t(s)] = first < last ? slot[first] + (last - first) : 0;
        }
    });
    std::int32_t listed = 0;
    for (std::int64_t p = 0; p < n; ++p) {
        if (bucket[p] != top) continue;
        const std::int32_t s = slot[p];
        own_child_begin_[size_t(s)] = listed;
        for (std::int32_t c = tree_.child_start[p]; c < tree_.child_start[p + 1]; ++c) top_children_[size_t(listed++)] = slot[c];
        own_child_end_[size_t(s)] = listed;
    }
    flow_ = own_flow_.data();
    weight_ = own_weight_.data();
    potential_ = own_potential_.data();
    child_begin_ = own_child_begin_.data();
    child_end_ = own_child_end_.data();
    joined_[size_t(slot[0])] = 0;  // the root is never joined; every other entry is written by its parent
}

template <bool Strict, bool Listed, bool Record>
std::int64_t subtree_decider::close(std::int64_t begin, std::int64_t end, double epsilon) noexcept {
    const std::int32_t* child_begin = child_begin_;
    const std::int32_t* child_end = child_end_;
    const std::int32_t* listed = top_children_.data();
    const double* flow = flow_;
    const double* weight = weight_;
    const double* potential = potential_;
    double* val = value_.data();
    std::uint8_t* good = good_.data();
    std::uint8_t* joined = joined_.data();
    std::int64_t closed = 0;
    // Written without short-circuits, so that the choices compile to selects: the tests follow the data, and
    // branches on them mispredict about as often as not.
    for (std::int64_t s = end - 1; s >= begin; --s) {
        double acc = potential[s] - epsilon * weight[s];
        for (std::int32_t i = child_begin[s]; i < child_end[s]; ++i) {
            const std::int32_t c = Listed ? listed[i] : i;
            const bool join = (good[c] == 0) & (val[c] < flow[c]);  // joining c is strictly cheaper than cutting it
            if (Record) joined[c] = join ? 1 : 0;
            acc += join ? val[c] : flow[c];
        }
        val[s] = acc;
        const double total = acc + flow[s];  // the set closed here (root: + 0)
        const bool closes = Strict ? total < 0.0 : total <= 0.0;
        good[s] = closes ? 1 : 0;
        closed += closes ? 1 : 0;
    }
    return closed;
}

template <bool Record>
std::int64_t subtree_decider::close_bucket(std::int64_t bucket, double epsilon, bool strict) noexcept {
    const std::int64_t begin = bucket_start_[size_t(bucket)], end = bucket_start_[size_t(bucket) + 1];
    if (bucket == chunks_) {
        return strict ? close<true, true, Record>(begin, end, epsilon) : close<false, true, Record>(begin, end, epsilon);
    }
    return strict ? close<true, false, Record>(begin, end, epsilon) : close<false, false, Record>(begin, end, epsilon);
}

template <bool Record>
std::int64_t subtree_decider::close_all(double epsilon, bool strict) {
    if (chunks_ == 0) {
        return strict ? close<true, false, Record>(0, tree_.n, epsilon) : close<false, false, Record>(0, tree_.n, epsilon);
    }
    pool_.parallel_for(chunks_, [&](std::int64_t chunk, int /*participant*/) {
        chunk_counts_[size_t(chunk)] = close_bucket<Record>(chunk, epsilon, strict);
    });
    std::int64_t closed = close_bucket<Record>(chunks_, epsilon, strict);  // the top, once every piece is done
    for (std::int64_t chunk = 0; chunk < chunks_; ++chunk) closed += chunk_counts_[size_t(chunk)];
    return closed;
}

// The search's decisions need only the count: the join flags (a byte per vertex written) are left out.
std::int64_t subtree_decider::count(double epsilon, bool strict) { return close_all<false>(epsilon, strict); }

std::int64_t subtree_decider::decide(double epsilon, bool strict, const decision_output& out) {
    const std::int64_t closed = close_all<true>(epsilon, strict);
    const std::int64_t n = tree_.n;
    // Representatives by position (parents before children), reading each position's slot.
    const std::int32_t* slot = chunks_ == 0 ? nullptr : scratch_.data();
    const auto slot_of = [slot](std::int64_t p) { return slot == nullptr ? p : std::int64_t{slot[p]}; };
    const std::int32_t* parent_at = tree_.parent_at;
    const std::int32_t* vertex_at = tree_.vertex_at;
    std::int32_t* rep = representative_.data();
    for (std::int64_t p = 0; p < n; ++p) {
        rep[p] = joined_[size_t(slot_of(p))] != 0 ? rep[parent_at[p]] : static_cast<std::int32_t>(p);
    }
    for (std::int64_t p = 0; p < n; ++p) {
        const std::int32_t v = vertex_at[p];
        const auto s = static_cast<std::size_t>(slot_of(p));
        out.value[v] = value_[s];
        out.good[v] = good_[s];
        out.joined[v] = joined_[s];
        out.representative[v] = vertex_at[rep[p]];
    }
    return closed;
}

}  // namespace cheeger::iso
