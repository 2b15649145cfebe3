// The "graph" vertex weight of spec §2.4 on the CPU: omega(v) = sum over u != v, in increasing u, of the flow of
// the edge (u, v). O(n^2 d). Each vertex's sum is independent, so the vertices are split over the pool and the
// result does not depend on the thread count.
#pragma once

#include <cstdint>

#include "cheeger.h"
#include "core/thread_pool.hpp"

namespace cheeger::iso {

/// degree_out[v] for every vertex; 1 for a lone point.
void graph_degree_cpu(thread_pool& pool, const double* points, std::int64_t n, std::int64_t d,
                      cheeger_iso_kernel kernel, double sigma, double* degree_out);

}  // namespace cheeger::iso
