// The nearest-centroid kernel of the CPU k-means: for a block of up to block_rows consecutive points, the index
// of the nearest centroid and the squared distance to it. d2 = sum_j (p_j - c_j)^2 in dimension order, in
// double, without FMA, and a strict < over centroids in index order (ties go to the smaller index): the
// labels and distances are bit-identical with the plain serial loop, whichever kernel family runs.
#pragma once

#include <cstdint>

namespace cheeger::kmeans {

/// points: rows x d (row-major, 1 <= rows <= block_rows); centroids: k x d; tile: scratch of block_rows x d.
/// Writes labels[0..rows) and distances[0..rows).
using assign_block_function = void (*)(const double* points, std::int64_t rows, std::int64_t d,
                                       const double* centroids, std::int32_t k, double* tile,
                                       std::int32_t* labels, double* distances);

/// The kernel of the CPU family in use (core/cpu_kernel_family.hpp) for dimension d. Throws
/// CHEEGER_STATUS_UNSUPPORTED when CHEEGER_CPU_KERNEL names a family this build or CPU does not have.
assign_block_function assign_block_for(std::int64_t d);

}  // namespace cheeger::kmeans
