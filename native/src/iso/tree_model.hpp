// The graph model on the spanning tree (spec §2.2 bookkeeping, §2.3-2.5): depth, sibling rank and edge length
// from Prim's output, sigma, the flow of every tree edge, vertex weights and potentials. Summation orders are
// those of the managed TreeWeighting, so every value is bit-identical with it.
#pragma once

#include <cstdint>

#include "cheeger.h"

namespace cheeger::iso {

/// From Prim's parent, squared edge length and order: depth (root 0), sibling rank (nchild(par u)++ as u joins)
/// and edge length sqrt(d2). Throws INVALID_ARGUMENT naming the points when a tree edge's d2 overflows.
/// child_count is scratch of n entries. Returns the largest depth.
std::int32_t complete_tree(std::int64_t n, const std::int32_t* parent, const double* squared_length,
                           const std::int32_t* order, std::int32_t* depth, std::int32_t* sibling_rank,
                           double* length, std::int32_t* child_count);

/// sigma: params.sigma when > 0; else sigma_scale x (sum of the edge lengths in increasing vertex) / (n - 1),
/// and 1 when that is not positive or n = 1. Throws INVALID_ARGUMENT when it overflows.
double tree_sigma(std::int64_t n, const std::int32_t* parent, const double* length, const cheeger_iso_params& params);

/// pflow(v) = flow_of(kernel, d2(v, par v), sigma); 0 for the root.
void parent_flows(std::int64_t n, const std::int32_t* parent, const double* squared_length,
                  cheeger_iso_kernel kernel, double sigma, double* parent_flow) noexcept;

/// omega(v) = pflow(v) + the flows of its children, added in insertion (= sibling) order; 1 when n = 1.
void tree_degree(std::int64_t n, const std::int32_t* parent, const std::int32_t* order, const double* parent_flow,
                 double* weight) noexcept;

/// psi(v) = beta (1 - the largest flow on an edge at v); 0 when beta = 0 or n = 1.
void potentials(std::int64_t n, const std::int32_t* parent, const double* parent_flow, double beta,
                double* potential) noexcept;

}  // namespace cheeger::iso
