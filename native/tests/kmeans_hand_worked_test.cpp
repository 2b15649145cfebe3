// A k-means run small enough to follow by hand (2-D, k = 2, n = 5, so floor(n/100) = 0 and the loop runs until
// no point changes):
//   points A(0,1) B(2,1) C(3,1) D(10,1) E(11,1); initial centroids c0 = A, c1 = B.
//   pass 1: A -> c0 (d2 0); B, C, D, E -> c1 (0, 1, 64, 81). changes 5 (all new). inertia 146.
//           c0 = A = (0,1), c1 = (2+3+10+11)/4 = (6.5,1). Largest move 4.5 (c1).
//   pass 2: B: 4 vs 20.25 -> c0 (changed); C: 9 vs 12.25 -> c0 (changed); D, E stay. changes 2.
//           inertia 0 + 4 + 9 + 12.25 + 20.25 = 45.5. c0 = (5/3, 1), c1 = (10.5, 1). Largest move 4 (c1).
//   pass 3: nothing changes (B: 1/9 vs 72.25, C: 16/9 vs 56.25). changes 0 -> stop after 3 passes.
//           inertia (5/3)^2 + (1/3)^2 + (4/3)^2 + 0.25 + 0.25 = 42/9 + 0.5.
#include <gtest/gtest.h>

#include <vector>

#include "context_handle.hpp"
#include "kmeans_call.hpp"

namespace {

using cheeger_test::kmeans_params;
using cheeger_test::make_context;
using cheeger_test::run_kmeans;

const std::vector<double> points = {0, 1, 2, 1, 3, 1, 10, 1, 11, 1};
const std::vector<double> initial = {0, 1, 2, 1};

class KMeansHandWorked : public ::testing::TestWithParam<int> {};

TEST_P(KMeansHandWorked, PassOneAssignsEveryPointAndAveragesTheClusters) {
    auto context = make_context(CHEEGER_BACKEND_CPU, GetParam());
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto pass = run_kmeans(context.get(), points, 2, kmeans_params(2, 1), initial);
    ASSERT_EQ(pass.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(pass.labels, (std::vector<std::int32_t>{0, 1, 1, 1, 1}));
    EXPECT_EQ(pass.centroids, (std::vector<double>{0, 1, 6.5, 1}));
    EXPECT_EQ(pass.info.iterations, 1);
    EXPECT_EQ(pass.info.last_changes, 5);
    EXPECT_EQ(pass.info.inertia, 146.0);
    EXPECT_EQ(pass.info.backend, CHEEGER_BACKEND_CPU);
}

TEST_P(KMeansHandWorked, PassTwoMovesTheTwoMiddlePoints) {
    auto context = make_context(CHEEGER_BACKEND_CPU, GetParam());
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto pass = run_kmeans(context.get(), points, 2, kmeans_params(2, 2), initial);
    ASSERT_EQ(pass.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(pass.labels, (std::vector<std::int32_t>{0, 0, 0, 1, 1}));
    EXPECT_EQ(pass.centroids, (std::vector<double>{5.0 / 3.0, 1, 10.5, 1}));
    EXPECT_EQ(pass.info.iterations, 2);
    EXPECT_EQ(pass.info.last_changes, 2);
    EXPECT_EQ(pass.info.inertia, 45.5);
}

TEST_P(KMeansHandWorked, StopsAfterPassThreeWhenNothingChanges) {
    auto context = make_context(CHEEGER_BACKEND_CPU, GetParam());
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto run = run_kmeans(context.get(), points, 2, kmeans_params(2, 300), initial);
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.labels, (std::vector<std::int32_t>{0, 0, 0, 1, 1}));
    EXPECT_EQ(run.centroids, (std::vector<double>{5.0 / 3.0, 1, 10.5, 1}));
    EXPECT_EQ(run.info.iterations, 3);
    EXPECT_EQ(run.info.last_changes, 0);
    EXPECT_NEAR(run.info.inertia, 42.0 / 9.0 + 0.5, 1e-12);
}

TEST_P(KMeansHandWorked, ToleranceStopsWhenTheLargestMoveIsAtMostIt) {
    auto context = make_context(CHEEGER_BACKEND_CPU, GetParam());
    ASSERT_TRUE(context) << cheeger_last_error();
    // Moves: 4.5 after pass 1, 4 after pass 2. "At most" includes equality.
    const auto at_four = run_kmeans(context.get(), points, 2, kmeans_params(2, 300, 4.0), initial);
    ASSERT_EQ(at_four.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(at_four.info.iterations, 2);
    EXPECT_EQ(at_four.info.last_changes, 2);

    const auto at_four_and_a_half = run_kmeans(context.get(), points, 2, kmeans_params(2, 300, 4.5), initial);
    ASSERT_EQ(at_four_and_a_half.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(at_four_and_a_half.info.iterations, 1);

    const auto below = run_kmeans(context.get(), points, 2, kmeans_params(2, 300, 3.999), initial);
    ASSERT_EQ(below.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(below.info.iterations, 3);
}

TEST_P(KMeansHandWorked, TiesGoToTheSmallerIndex) {
    auto context = make_context(CHEEGER_BACKEND_CPU, GetParam());
    ASSERT_TRUE(context) << cheeger_last_error();
    // (1,0) is at d2 = 1 from both centroids, (3,0) likewise from c1 and c2.
    const std::vector<double> tie_points = {1, 0, 3, 0, 5, 0};
    const auto pass = run_kmeans(context.get(), tie_points, 2, kmeans_params(3, 1), {0, 0, 2, 0, 4, 0});
    ASSERT_EQ(pass.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(pass.labels, (std::vector<std::int32_t>{0, 1, 2}));
}

INSTANTIATE_TEST_SUITE_P(Threads, KMeansHandWorked, ::testing::Values(1, 2));

}  // namespace
