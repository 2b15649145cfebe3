// Validated isoperimetric calls, as the pipeline receives them.
#pragma once

#include <cstdint>

#include "cheeger.h"

namespace cheeger::iso {

/// cheeger_iso_run.
struct run_request {
    const double* points;               // n x d, row-major, finite
    std::int64_t n;
    std::int64_t d;
    cheeger_iso_params params;          // validated copy
    std::int32_t* labels_out;           // n
    std::int32_t* full_labels_out;      // n when params.full_labels, else nullptr
    double* cluster_costs_out;          // k or nullptr
    cheeger_iso_probe* probes_out;      // probes_capacity or nullptr
    std::int32_t probes_capacity;
    cheeger_iso_tree tree_out;          // every pointer may be null
};

/// cheeger_iso_partition.
struct partition_request {
    std::int64_t n;
    const std::int32_t* parent;         // a rooted tree (checked)
    const double* parent_flow;
    const double* vertex_weight;
    const double* potential;
    const std::int32_t* sibling_rank;   // nullptr: by vertex index
    const std::int32_t* order;          // nullptr: breadth first
    std::int32_t root;
    cheeger_iso_params params;          // k, search_tolerance, max_search_steps validated
    std::int32_t* labels_out;
    double* cluster_costs_out;          // k or nullptr
};

}  // namespace cheeger::iso
