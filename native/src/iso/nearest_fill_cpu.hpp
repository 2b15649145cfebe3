// The full labelling of spec §7.2 on the CPU: every outlier takes the label of its nearest clustered point (d2 in
// dimension order, ties to the smallest index). The clustered points go into a kd-tree (kd_tree.hpp) and each
// outlier searches it nearest box first, skipping a box only when no point in it can beat or tie the best found
// (its rounding-safe lower bound is greater, or equal with only larger indices in it): the same answer as a scan
// of every clustered point, in O(log n) per outlier on spread-out data instead of O(n). The outliers are split over
// the pool.
#pragma once

#include <cstdint>
#include <vector>

#include "core/thread_pool.hpp"
#include "iso/kd_tree.hpp"

namespace cheeger::iso {

struct nearest_fill_workspace {
    std::vector<std::int32_t> outliers;
    std::vector<std::int32_t> clustered;  // the clustered vertices in increasing order
    std::vector<double> rows;             // clustered point i at row i
    kd_tree tree;                         // over `rows`: tree vertex i is clustered[i]
};

/// full_out[v] = labels[v] when >= 0, else the label of the nearest point labelled >= 0 (one must exist).
void nearest_fill(thread_pool& pool, nearest_fill_workspace& ws, const double* points, std::int64_t n,
                  std::int64_t d, const std::int32_t* labels, std::int32_t* full_out);

}  // namespace cheeger::iso
