// The stages of Lloyd's k-means that a backend implements. The loop (kmeans_loop.cpp) is written once against this
// interface: the study's stop rule, the change count of every pass and the timings; the backend keeps the points,
// labels and centroids where it computes on them (host memory or the device) and runs each pass. The CPU
// implementation is kmeans_cpu_stages.hpp; the CUDA one lives in native/src/cuda/ (cuda_backend.hpp).
//
// Contract for every implementation (what makes all backends give the same labels, docs/architecture.md):
//  - the initial centroids are the caller's or the sampled rows (initial_centroids, row_sampler.hpp);
//  - a pass assigns each point to the nearest of the current centroids (d2 in dimension order in double without
//    FMA, ties to the smaller index), folds the changes into the cluster sums in chunk order (chunk_rows points,
//    kmeans_layout.hpp) and moves every non-empty cluster's centroid to its mean (an empty one keeps its place);
//  - failures are thrown as cheeger::error (DEVICE_ERROR naming the call, OUT_OF_MEMORY naming the buffer).
#pragma once

#include <cstdint>

#include "cheeger.h"
#include "kmeans/kmeans_request.hpp"

namespace cheeger::kmeans {

/// What one pass reports to the loop.
struct pass_outcome {
    std::int64_t changes;   // points whose cluster changed (every point on the first pass)
    double largest_move;    // the largest Euclidean movement of a centroid
    double seconds_assign;  // of the pass's time, the assignment's (the rest is merge and update)
};

/// The backend's part of a run. One instance serves one call at a time (the context's call mutex); buffers it
/// keeps between calls belong to it and only grow.
class stage_backend {
public:
    virtual ~stage_backend() = default;

    /// The backend that runs the stages (CHEEGER_BACKEND_CPU or CHEEGER_BACKEND_CUDA).
    [[nodiscard]] virtual cheeger_backend kind() const noexcept = 0;

    /// Takes the validated call's points and initial centroids; the passes that follow run on them. The call's
    /// arrays stay valid until finish.
    virtual void load(const request& call) = 0;

    /// One pass (the first assigns every point afresh).
    virtual pass_outcome pass(bool first_pass) = 0;

    /// Writes the labels and the centroids of the last pass to the call's arrays and returns the last pass's
    /// inertia (the sum in point order of each point's d2 to the centroid it was assigned to).
    virtual double finish() = 0;
};

}  // namespace cheeger::kmeans
