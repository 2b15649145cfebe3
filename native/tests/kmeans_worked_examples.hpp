// The k-means examples worked by hand, as checks on any context (the CPU's for every thread count, CUDA's):
// each backend must give these exact values.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "kmeans_call.hpp"

namespace cheeger_test {

// Empty clusters keep their previous centroid. 2-D, k = 3, n = 3:
//   points A(0,0) B(5,0) C(2,1); initial centroids c0 = (6,2), c1 = (6,0), c2 = (6,1).
//   pass 1: A: 40/36/37 -> c1; B: 5/1/2 -> c1; C: 17/17/16 -> c2. changes 3. inertia 36 + 1 + 16 = 53.
//           c0 is empty from the start and keeps (6,2); c1 = (2.5,0); c2 = (2,1).
//   pass 2: A: 40/6.25/5 -> c2; B: 5/6.25/10 -> c0; C: 17/1.25/0 -> c2. changes 2. inertia 10.
//           c1 had two points and now has none: it keeps (2.5,0). c0 = (5,0); c2 = (1,0.5).
//   pass 3: A: 25/6.25/1.25 -> c2; B: 0 -> c0; C: 10/1.25/1.25 -> c1 (tie, smaller index). changes 1.
//           inertia 2.5. c0 = (5,0), c1 = (2,1), c2 = (0,0).
//   pass 4: nothing changes; stop. inertia 0.
inline void expect_empty_cluster_passes(cheeger_context context) {
    const std::vector<double> points = {0, 0, 5, 0, 2, 1};
    const std::vector<double> initial = {6, 2, 6, 0, 6, 1};
    struct expected_pass {
        std::vector<std::int32_t> labels;
        std::vector<double> centroids;
        std::int64_t changes;
        double inertia;
    };
    const std::vector<expected_pass> passes = {
        {{1, 1, 2}, {6, 2, 2.5, 0, 2, 1}, 3, 53.0},
        {{2, 0, 2}, {5, 0, 2.5, 0, 1, 0.5}, 2, 10.0},
        {{2, 0, 1}, {5, 0, 2, 1, 0, 0}, 1, 2.5},
        {{2, 0, 1}, {5, 0, 2, 1, 0, 0}, 0, 0.0},
    };
    for (std::size_t p = 0; p < passes.size(); ++p) {
        SCOPED_TRACE(testing::Message() << "after pass " << p + 1);
        const auto run = run_kmeans(context, points, 2, kmeans_params(3, static_cast<std::int32_t>(p + 1)), initial);
        ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(run.labels, passes[p].labels);
        EXPECT_EQ(run.centroids, passes[p].centroids);
        EXPECT_EQ(run.info.iterations, static_cast<std::int32_t>(p + 1));
        EXPECT_EQ(run.info.last_changes, passes[p].changes);
        EXPECT_EQ(run.info.inertia, passes[p].inertia);
    }
    const auto full = run_kmeans(context, points, 2, kmeans_params(3, 300), initial);
    ASSERT_EQ(full.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(full.info.iterations, 4);
    EXPECT_EQ(full.centroids, passes.back().centroids);
}

// 10 000 points in [0, 1)^2 (three chunks) and a third centroid so far away that no point ever picks it: it
// comes back with exactly its initial coordinates.
inline void expect_unreached_centroid_kept(cheeger_context context) {
    std::vector<double> unit_square;
    for (int i = 0; i < 10000; ++i) {
        unit_square.push_back((i % 100) / 100.0);
        unit_square.push_back((i / 100) / 100.0);
    }
    const double far = 1e6 + 0.125;
    const auto run = run_kmeans(context, unit_square, 2, kmeans_params(3, 50), {0, 0, 1, 1, far, -far});
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.centroids[4], far);
    EXPECT_EQ(run.centroids[5], -far);
    for (const std::int32_t label : run.labels) ASSERT_NE(label, 2);
}

// The study's stop rule: go on while more than floor(n / 100) points changed, at most max_iterations passes.
//   99 points at (0,0), 2 at (4,0), R points at (10,0); initial centroids (0,0) and (6,0).
//   pass 1: the two middle points are nearer (6,0) (4 vs 16): c1 = (10 R + 8) / (R + 2).
//   pass 2: they move to c0 (16 vs more than 34): 2 changes.
//   n = 200 (R = 99): floor(n/100) = 2, and 2 > 2 is false: the run stops after pass 2.
//   n = 199 (R = 98): floor(n/100) = 1, so pass 3 runs (and changes nothing).
inline std::vector<double> stop_rule_points(int right_points) {
    std::vector<double> points;
    for (int i = 0; i < 99; ++i) points.insert(points.end(), {0.0, 0.0});
    points.insert(points.end(), {4.0, 0.0, 4.0, 0.0});
    for (int i = 0; i < right_points; ++i) points.insert(points.end(), {10.0, 0.0});
    return points;
}

inline void expect_stop_at_one_percent(cheeger_context context) {
    const auto run = run_kmeans(context, stop_rule_points(99), 2, kmeans_params(2), {0, 0, 6, 0});
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.info.iterations, 2);
    EXPECT_EQ(run.info.last_changes, 2);
    EXPECT_EQ(run.labels[99], 0);
    EXPECT_EQ(run.centroids, (std::vector<double>{8.0 / 101.0, 0, 10, 0}));
}

inline void expect_go_on_above_one_percent(cheeger_context context) {
    const auto run = run_kmeans(context, stop_rule_points(98), 2, kmeans_params(2), {0, 0, 6, 0});
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.info.iterations, 3);
    EXPECT_EQ(run.info.last_changes, 0);
}

inline void expect_max_iterations_bound(cheeger_context context) {
    const auto run = run_kmeans(context, stop_rule_points(98), 2, kmeans_params(2, 1), {0, 0, 6, 0});
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.info.iterations, 1);
    EXPECT_EQ(run.info.last_changes, 199);
    EXPECT_EQ(run.labels[99], 1);
}

}  // namespace cheeger_test
