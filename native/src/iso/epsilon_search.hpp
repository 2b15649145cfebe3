// The search over epsilon (spec §5.1-5.2), exactly as the managed EpsilonSearch: a bracket [0, hi0] with hi0 a
// power of two, then bisection down to a relative width tau. Every probe is a dyadic number fixed by hi0 and the
// yes/no answers, so every backend probes the same values.
#pragma once

#include <cstdint>
#include <vector>

#include "cheeger.h"
#include "iso/iso_backend.hpp"

namespace cheeger::iso {

struct search_outcome {
    double epsilon_high;   // the last successful probe; 0 when epsilon = 0 succeeds
    double epsilon_low;    // the last failed probe; 0 when none failed
    std::int32_t halvings;
};

/// The smallest power of two >= x (x >= 0 and finite; 1 for x = 0), exact (ilogb/scalbn).
double power_of_two_at_least(double x) noexcept;

/// hi0: the smallest power of two >= 1.5 c_k, c_k the k-th smallest singleton cost (pflow + childflow + psi) /
/// omega. `scratch` holds n doubles. Throws INVALID_ARGUMENT when 1.5 c_k overflows.
double initial_upper_bound(const decision_tree& tree, std::int64_t k, double* scratch);

/// Runs the bisection with the backend's decisions (the tree loaded); appends every probe to `probes` in the
/// order made: hi0 and its doublings, epsilon = 0, then one per halving; reports each probe to `progress`.
search_outcome epsilon_search(stage_backend& stages, const decision_tree& tree, std::int64_t k, double tolerance,
                              std::int32_t max_steps, std::vector<cheeger_iso_probe>& probes, double* scratch,
                              const progress_sink& progress);

}  // namespace cheeger::iso
