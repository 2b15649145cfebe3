// The full labelling of spec §7.2 on the CPU: every outlier takes the label of its nearest clustered point (d2 in
// dimension order, ties to the smallest index). The outliers are split over the pool; the clustered points are
// scanned dimension-major in blocks of 8, one point per lane, so each distance is summed exactly as the serial
// loop sums it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/thread_pool.hpp"

namespace cheeger::iso {

struct nearest_fill_workspace {
    std::vector<std::int32_t> outliers;
    std::vector<std::int32_t> clustered;
    std::vector<double> columns;  // clustered point i, coordinate j at [j * m + i]
};

/// full_out[v] = labels[v] when >= 0, else the label of the nearest point labelled >= 0 (one must exist).
void nearest_fill(thread_pool& pool, nearest_fill_workspace& ws, const double* points, std::int64_t n,
                  std::int64_t d, const std::int32_t* labels, std::int32_t* full_out);

}  // namespace cheeger::iso
