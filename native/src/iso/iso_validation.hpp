// Checks every argument of the isoperimetric entry points (they may be called from C directly) before any work
// starts; each problem is one CHEEGER_STATUS_INVALID_ARGUMENT naming the argument and the value.
#pragma once

#include <cstdint>

#include "cheeger.h"
#include "iso/iso_request.hpp"

namespace cheeger::iso {

/// The largest n: vertex ids and labels are int32.
inline constexpr std::int64_t max_points = 2147483647;

/// The request for cheeger_iso_run's arguments, or throws cheeger::error.
run_request validate_run(const double* points, std::int64_t n, std::int64_t d, const cheeger_iso_params* params,
                         std::int32_t* labels_out, std::int32_t* full_labels_out, double* cluster_costs_out,
                         cheeger_iso_probe* probes_out, std::int32_t probes_capacity,
                         const cheeger_iso_tree* tree_out);

/// Checks cheeger_iso_mst's arguments, or throws cheeger::error.
void validate_mst(const double* points, std::int64_t n, std::int64_t d, std::int32_t spanning_tree,
                  const std::int32_t* parent_out,
                  const double* squared_edge_length_out, const double* edge_length_out, const std::int32_t* depth_out,
                  const std::int32_t* sibling_rank_out, const std::int32_t* order_out);

/// The request for cheeger_iso_partition's arguments (the tree checked: one root, valid parents, sibling ranks
/// and order, positive finite flows and weights, finite potentials >= 0), or throws cheeger::error.
/// `child_count` is scratch of n entries.
partition_request validate_partition(std::int64_t n, const std::int32_t* parent, const double* parent_flow,
                                     const double* vertex_weight, const double* potential,
                                     const std::int32_t* sibling_rank, const std::int32_t* order,
                                     const cheeger_iso_params* params, std::int32_t* labels_out,
                                     double* cluster_costs_out);

/// The checks of the tree that need scratch memory (repeated sibling ranks, the order, cycles); run after
/// validate_partition with n-entry scratch buffers (their contents are overwritten).
void validate_partition_tree(const partition_request& call, std::int32_t* child_count, std::int32_t* start,
                             std::uint8_t* seen);

}  // namespace cheeger::iso
