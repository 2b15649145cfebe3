#include "kmeans/kmeans_loop.hpp"

#include <algorithm>

#include "core/stopwatch.hpp"

namespace cheeger::kmeans {

void run(stage_backend& stages, const request& call, std::vector<std::int64_t>& changes_per_pass,
         cheeger_kmeans_info& info) {
    info = cheeger_kmeans_info{};
    info.backend = stages.kind();
    stopwatch watch;
    stages.load(call);
    info.seconds_init = watch.seconds();

    // The loop of the study: go on while more than floor(n / 100) points changed (the counter starts at n, so
    // the first pass always runs), at most max_iterations passes, and stop when the tolerance is positive and
    // no centroid moved more than it.
    watch.restart();
    const std::int64_t threshold = call.n / 100;
    const double tolerance = call.params.tolerance;
    std::int64_t changes = call.n;
    std::int32_t iterations = 0;
    double seconds_assign = 0.0;
    while (changes > threshold && iterations < call.params.max_iterations) {
        const pass_outcome pass = stages.pass(iterations == 0);
        changes = pass.changes;
        seconds_assign += pass.seconds_assign;
        changes_per_pass.push_back(changes);
        ++iterations;
        if (tolerance > 0.0 && pass.largest_move <= tolerance) break;
    }
    // seconds_assign and seconds_update add up to the loop's wall time.
    const double seconds_loop = watch.seconds();
    info.seconds_assign = std::min(seconds_assign, seconds_loop);
    info.seconds_update = seconds_loop - info.seconds_assign;

    info.inertia = stages.finish();
    info.iterations = iterations;
    info.last_changes = changes;
}

}  // namespace cheeger::kmeans
