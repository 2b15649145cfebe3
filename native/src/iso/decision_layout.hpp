// The decision input of spec §4.1 in the layout the level/pull form walks (§6.3): vertices numbered breadth first
// from the root with every vertex's children in sibling order, so that each level is a contiguous range of
// positions, each vertex's children are contiguous, and a pass from the last position to the first visits every
// child before its parent.
#pragma once

#include <cstdint>

#include "iso/iso_backend.hpp"
#include "iso/iso_workspace.hpp"

namespace cheeger::iso {

/// Builds the layout in the workspace's buffers (prepared for n) for the tree given by parent (root: -1) and
/// sibling_rank (nullptr: children ranked by vertex index), with the vertex functions by vertex. The tree must
/// be valid (checked by the caller). The returned view points into the workspace and the given arrays.
decision_tree build_decision_layout(workspace& ws, std::int64_t n, std::int32_t root, const std::int32_t* parent,
                                    const std::int32_t* sibling_rank, const double* parent_flow,
                                    const double* vertex_weight, const double* potential) noexcept;

}  // namespace cheeger::iso
