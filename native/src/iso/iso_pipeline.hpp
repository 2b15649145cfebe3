// The isoperimetric pipeline, written once over the stage interface (iso_backend.hpp): the entry points of
// api/iso_api.cpp call these after validation, holding the context's call mutex, with the context's stages and
// workspace.
#pragma once

#include <cstdint>

#include "cheeger.h"
#include "iso/iso_backend.hpp"
#include "iso/iso_request.hpp"
#include "iso/iso_workspace.hpp"

namespace cheeger::iso {

/// cheeger_iso_run: z-scoring (optional), tree, sigma and the graph model, the epsilon search, the k sets,
/// labels and the full labelling (optional); fills every field of info. Reports to `progress` (iso_progress.hpp).
void run(stage_backend& stages, workspace& ws, const run_request& call, const progress_sink& progress,
         cheeger_iso_info& info);

/// cheeger_iso_mst on validated arguments; reports the tree's steps to `progress`.
void minimum_spanning_tree(stage_backend& stages, workspace& ws, const double* points, std::int64_t n,
                           std::int64_t d, std::int32_t spanning_tree, std::int32_t* parent_out,
                           double* squared_edge_length_out,
                           double* edge_length_out, std::int32_t* depth_out, std::int32_t* sibling_rank_out,
                           std::int32_t* order_out, const progress_sink& progress);

/// cheeger_iso_partition on a validated request (the tree is checked here, with the workspace's scratch);
/// reports the weights (the decision layout), search and labels stages to `progress`.
void partition(stage_backend& stages, workspace& ws, const partition_request& call, const progress_sink& progress,
               cheeger_iso_info& info);

}  // namespace cheeger::iso
