// Where an isoperimetric call reports how far it has got (cheeger_context_set_progress): the stage and the part of
// it done, in [0, 1]. The pipeline reports the start of each stage (0) and the end of the run (LABELS, 1); the
// spanning trees report their rounds or every few percent of Prim's vertices, the epsilon search each probe. Every
// report is made on the thread that called the library, a few dozen a run, never per point. The fractions are the
// managed side's (SpanningTreeProgress.cs, SearchProgress.cs in src/Cheeger.Clustering/Isoperimetric).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "cheeger.h"

namespace cheeger::iso {

/// The context's progress callback for one call; a default-constructed sink reports nothing.
class progress_sink {
public:
    progress_sink() noexcept = default;
    progress_sink(cheeger_progress_fn callback, void* user_data) noexcept : callback_(callback), user_data_(user_data) {}

    [[nodiscard]] bool active() const noexcept { return callback_ != nullptr; }

    void report(cheeger_iso_stage stage, double fraction) const noexcept {
        if (callback_ != nullptr) callback_(user_data_, static_cast<std::int32_t>(stage), fraction);
    }

    void start(cheeger_iso_stage stage) const noexcept { report(stage, 0.0); }

    /// After a Boruvka round that left `components` of the n vertices' components: each round at least halves
    /// them, so a round is worth what it divides them by, 1 - ln(components) / ln(n).
    void spanning_tree_round(std::int64_t components, std::int64_t n) const noexcept {
        if (callback_ == nullptr) return;
        report(CHEEGER_ISO_STAGE_SPANNING_TREE,
               n <= 1 ? 1.0 : 1.0 - std::log(static_cast<double>(components)) / std::log(static_cast<double>(n)));
    }

    /// After Prim's step that joined vertex number `joined` (the root is the first) of n.
    void vertices_joined(std::int64_t joined, std::int64_t n) const noexcept {
        report(CHEEGER_ISO_STAGE_SPANNING_TREE, static_cast<double>(joined) / static_cast<double>(n));
    }

    /// After the search's probe number `made` of `expected` (search_expected_probes).
    void probed(std::int64_t made, std::int64_t expected) const noexcept {
        report(CHEEGER_ISO_STAGE_SEARCH, std::min(1.0, static_cast<double>(made) / static_cast<double>(expected)));
    }

private:
    cheeger_progress_fn callback_ = nullptr;
    void* user_data_ = nullptr;
};

/// Prim reports once per this many steps for n vertices (50 reports a tree).
inline std::int64_t prim_progress_stride(std::int64_t n) noexcept { return std::max<std::int64_t>(1, n / 50); }

/// The probes an epsilon search is expected to make, given what it has seen so far: the bracket (hi0 and
/// epsilon = 0), the halvings the relative tolerance needs once a probe has failed (ceil(log2 1/tau) + 1), and on
/// top every probe that widened the bracket (`doublings`) and every halving that succeeded before the first
/// failure (`leading_successes`: those do not narrow hi - lo relative to hi); the halvings capped by max_steps. It
/// grows by one only with a probe, so probes made / expected never decreases.
inline std::int64_t search_expected_probes(double tolerance, std::int32_t max_steps, std::int64_t doublings,
                                           std::int64_t leading_successes) noexcept {
    const std::int64_t for_tolerance =
        tolerance > 0.0 && tolerance < 1.0 ? static_cast<std::int64_t>(std::ceil(-std::log2(tolerance))) + 1 : 0;
    return 2 + doublings + std::min<std::int64_t>(std::max<std::int32_t>(max_steps, 0), for_tolerance + leading_successes);
}

}  // namespace cheeger::iso
