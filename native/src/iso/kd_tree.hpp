// A kd-tree over n x d points for the exact spatial searches of the kd-tree Boruvka (kdtree_boruvka_cpu). Each
// node holds a contiguous range of tree positions and the bounding box of its points; an inner node splits its
// range at the median of its box's widest dimension (ties by vertex index, so the tree is a function of the input
// alone, and equal points are split like any others). The coordinates are copied in tree order so that a leaf's points are contiguous in memory.
#pragma once

#include <cstdint>
#include <vector>

#include "core/thread_pool.hpp"

namespace cheeger::iso {

/// Points per leaf at most (measured: 8 to 32 cost about the same; 16 is in the middle).
inline constexpr std::int64_t kd_leaf_size = 16;

struct kd_tree {
    std::int64_t n = 0;
    std::int64_t d = 0;
    std::vector<std::int32_t> vertex_at;    // n: the vertex at tree position p
    std::vector<double> coordinates;        // n x d: the coordinates of vertex_at[p], row p
    std::vector<double> spare;              // n x d: the build's second buffer of rows
    std::vector<std::int32_t> begin;        // by node: its first position
    std::vector<std::int32_t> end;          // by node: one past its last position
    std::vector<std::int32_t> first_child;  // by node: the left child (the right one is next to it), -1 for a leaf
    std::vector<std::int32_t> least_vertex; // by node: the smallest vertex index among its points
    std::vector<double> low;                // nodes x d: the least coordinate of the node's points per dimension
    std::vector<double> high;               // nodes x d: the greatest
    // Nodes are numbered level by level, so that every child comes after its parent: a pass from the last node
    // to the first sees every node's children before the node itself.
    [[nodiscard]] std::int64_t nodes() const noexcept { return static_cast<std::int64_t>(begin.size()); }
};

/// Builds the kd-tree of the n x d points (n >= 1) into `tree` (its buffers are reused), on the pool; the same
/// tree for every thread count.
void build_kd_tree(thread_pool& pool, kd_tree& tree, const double* points, std::int64_t n, std::int64_t d);

/// A lower bound on squared_distance(q, x) for every point x in the box [low, high], never above it, rounding
/// included: per dimension the gap g_j = q_j - low_j (q below the box), high_j - q_j (above) or 0 (inside) is
/// rounded no further from 0 than the rounded q_j - x_j of any x in the box (subtraction rounds monotonically), so
/// fl(g_j * g_j) <= fl((q_j - x_j)^2); and a rounded sum is monotone in both operands, so summing those squares
/// in the same dimension order with the same operations (no FMA: the library builds with -ffp-contract=off)
/// gives at most the rounded d2. A node may therefore be skipped when this bound is strictly greater than a d2
/// already found: no point in it can tie that d2, let alone beat it. `Dimension` as for squared_distance.
template <class Dimension = std::int64_t>
inline double box_lower_bound(const double* q, const double* low, const double* high, Dimension d) noexcept {
    double sum = 0.0;
    for (std::int64_t j = 0; j < d; ++j) {
        double gap = 0.0;
        if (q[j] < low[j]) {
            gap = q[j] - low[j];
        } else if (q[j] > high[j]) {
            gap = q[j] - high[j];
        }
        sum += gap * gap;
    }
    return sum;
}

// Deep enough for any tree of int32 positions: a median split halves a range, so the depth is at most 32, and
// a depth-first search keeps at most one pending sibling per level plus the node it is in.
inline constexpr int search_stack_depth = 72;

struct pending_node {
    std::int32_t node;
    double lower_bound;
};

// Pushes the children (first `child`, then child + 1) of a node with their box lower bounds from q, the nearer
// last: a depth-first search pops it first, so its bound tightens before the farther child is tested.
template <class Dimension>
inline void push_children(const kd_tree& tree, const double* q, Dimension d, std::int32_t child, pending_node* stack,
                   int& top) noexcept {
    const double near_bound = box_lower_bound(q, tree.low.data() + std::int64_t{child} * d,
                                              tree.high.data() + std::int64_t{child} * d, d);
    const double far_bound = box_lower_bound(q, tree.low.data() + std::int64_t{child + 1} * d,
                                             tree.high.data() + std::int64_t{child + 1} * d, d);
    const bool left_first = near_bound <= far_bound;
    stack[top++] = left_first ? pending_node{child + 1, far_bound} : pending_node{child, near_bound};
    stack[top++] = left_first ? pending_node{child, near_bound} : pending_node{child + 1, far_bound};
}

}  // namespace cheeger::iso
