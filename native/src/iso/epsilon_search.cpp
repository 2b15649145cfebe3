#include "iso/epsilon_search.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/message.hpp"

namespace cheeger::iso {

double power_of_two_at_least(double x) noexcept {
    if (x == 0.0) return 1.0;
    const int exponent = std::ilogb(x);  // 2^e <= x < 2^(e+1)
    const double power = std::scalbn(1.0, exponent);
    return power == x ? power : std::scalbn(1.0, exponent + 1);
}

double initial_upper_bound(const decision_tree& tree, std::int64_t k, double* scratch) {
    const std::int64_t n = tree.n;
    for (std::int64_t p = 0; p < n; ++p) {
        double child_flow = 0.0;  // children in sibling order
        for (std::int32_t c = tree.child_start[p]; c < tree.child_start[p + 1]; ++c) child_flow += tree.flow_at[c];
        scratch[p] = (tree.flow_at[p] + child_flow + tree.potential_at[p]) / tree.weight_at[p];
    }
    std::nth_element(scratch, scratch + (k - 1), scratch + n);
    const double bound = 1.5 * scratch[k - 1];
    if (!std::isfinite(bound)) {
        throw error(CHEEGER_STATUS_INVALID_ARGUMENT,
                    message("the ", k, "-th smallest singleton cost overflows a double (1.5 x it = ", bound,
                            "); are beta or the weights extreme?"));
    }
    return power_of_two_at_least(bound);
}

search_outcome epsilon_search(stage_backend& stages, const decision_tree& tree, std::int64_t k, double tolerance,
                              std::int32_t max_steps, std::vector<cheeger_iso_probe>& probes, double* scratch,
                              const progress_sink& progress) {
    probes.clear();
    std::int64_t doublings = 0, leading_successes = 0;
    auto probe = [&](double epsilon) {
        const std::int64_t count = stages.count(epsilon, false);
        probes.push_back(cheeger_iso_probe{epsilon, count});
        progress.probed(static_cast<std::int64_t>(probes.size()),
                        search_expected_probes(tolerance, max_steps, doublings, leading_successes));
        return count;
    };

    double hi = initial_upper_bound(tree, k, scratch);
    while (probe(hi) < k) {
        // Only rounding can make the k cheapest singletons fail at 1.5 c_k; widen the bracket.
        hi *= 2.0;
        ++doublings;
        if (!std::isfinite(hi)) {
            throw error(CHEEGER_STATUS_INVALID_ARGUMENT,
                        "the epsilon search found no bracket below the largest double; the costs overflow "
                        "(is beta or sigma extreme?)");
        }
    }

    double lo = 0.0;
    if (probe(0.0) >= k) return search_outcome{0.0, 0.0, 0};

    std::int32_t halvings = 0;
    while (hi - lo > tolerance * hi && halvings < max_steps) {
        const double mid = 0.5 * (lo + hi);
        if (!(lo < mid && mid < hi)) break;
        ++halvings;
        if (probe(mid) >= k) {
            if (lo == 0.0) ++leading_successes;
            hi = mid;
        } else {
            lo = mid;
        }
    }
    return search_outcome{hi, lo, halvings};
}

}  // namespace cheeger::iso
