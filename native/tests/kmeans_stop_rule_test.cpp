// The study's stop rule: go on while more than floor(n / 100) points changed, at most max_iterations passes.
//   99 points at (0,0), 2 at (4,0), R points at (10,0); initial centroids (0,0) and (6,0).
//   pass 1: the two middle points are nearer (6,0) (4 vs 16): c1 = (10 R + 8) / (R + 2).
//   pass 2: they move to c0 (16 vs more than 34): 2 changes.
//   n = 200 (R = 99): floor(n/100) = 2, and 2 > 2 is false: the run stops after pass 2.
//   n = 199 (R = 98): floor(n/100) = 1, so pass 3 runs (and changes nothing).
#include <gtest/gtest.h>

#include <vector>

#include "context_handle.hpp"
#include "kmeans_call.hpp"

namespace {

using cheeger_test::kmeans_params;
using cheeger_test::make_context;
using cheeger_test::run_kmeans;

std::vector<double> three_groups(int right_points) {
    std::vector<double> points;
    for (int i = 0; i < 99; ++i) points.insert(points.end(), {0.0, 0.0});
    points.insert(points.end(), {4.0, 0.0, 4.0, 0.0});
    for (int i = 0; i < right_points; ++i) points.insert(points.end(), {10.0, 0.0});
    return points;
}

TEST(KMeansStopRule, StopsWhenChangesAreAtMostOnePercentOfN) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto run = run_kmeans(context.get(), three_groups(99), 2, kmeans_params(2), {0, 0, 6, 0});
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.info.iterations, 2);
    EXPECT_EQ(run.info.last_changes, 2);
    EXPECT_EQ(run.labels[99], 0);
    EXPECT_EQ(run.centroids, (std::vector<double>{8.0 / 101.0, 0, 10, 0}));
}

TEST(KMeansStopRule, GoesOnWhileChangesExceedOnePercentOfN) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto run = run_kmeans(context.get(), three_groups(98), 2, kmeans_params(2), {0, 0, 6, 0});
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.info.iterations, 3);
    EXPECT_EQ(run.info.last_changes, 0);
}

TEST(KMeansStopRule, MaxIterationsBoundsThePasses) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto run = run_kmeans(context.get(), three_groups(98), 2, kmeans_params(2, 1), {0, 0, 6, 0});
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.info.iterations, 1);
    EXPECT_EQ(run.info.last_changes, 199);
    EXPECT_EQ(run.labels[99], 1);
}

}  // namespace
