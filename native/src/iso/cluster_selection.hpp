// Keeping k sets of a packing (spec §4.5) and numbering them (§7.1), exactly as the managed ClusterSelection and
// ClusterLabeling: the k closed sets of smallest cost (ties to the smaller top vertex), labels 0..k-1 by
// increasing top vertex through an exclusive scan, -1 for every other vertex.
#pragma once

#include <cstdint>

#include "iso/iso_backend.hpp"
#include "iso/iso_workspace.hpp"

namespace cheeger::iso {

/// The selection: cluster costs in label order (k entries) and their maximum.
struct selection {
    double cost;           // max over the kept sets
    const double* costs;   // k entries, in label order (points into the workspace)
};

/// cost(S) = (pflow(top) + sum over u in S, in increasing vertex, of (psi(u) + sum of pflow(c) over the children
/// c of u outside S, in sibling order)) / sum of omega(u), for every closed set of the decision (in ws.value,
/// ws.good, ws.joined, ws.representative); keeps the k cheapest and marks their tops in ws.selected.
/// The decision must have at least k closed sets.
selection select_clusters(workspace& ws, const decision_tree& tree, std::int64_t k);

/// label(v) = scan(rep v) when rep v is a selected top, else -1; returns the number of -1 labels.
std::int64_t scan_labels(workspace& ws, std::int64_t n, std::int32_t* labels_out) noexcept;

}  // namespace cheeger::iso
