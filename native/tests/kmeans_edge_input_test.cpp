// Inputs at the edge of what cheeger_kmeans_run accepts: one point, identical points, duplicates with k = n,
// thousands of dimensions, huge magnitudes. Each gives OK with labels in range, finite centroids where the sums
// cannot overflow, and the same bits for every thread count.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "context_handle.hpp"
#include "kmeans_call.hpp"

namespace {

using cheeger_test::kmeans_params;
using cheeger_test::make_context;
using cheeger_test::run_kmeans;

// Runs on 1 and 3 threads, checks OK, labels in [0, k) and identical outcomes; returns the 1-thread outcome.
cheeger_test::kmeans_outcome run_checked(const std::vector<double>& points, std::int64_t d, std::int32_t k) {
    auto one = make_context(CHEEGER_BACKEND_CPU, 1);
    auto three = make_context(CHEEGER_BACKEND_CPU, 3);
    EXPECT_TRUE(one && three) << cheeger_last_error();
    const auto first = run_kmeans(one.get(), points, d, kmeans_params(k, 50));
    const auto second = run_kmeans(three.get(), points, d, kmeans_params(k, 50));
    EXPECT_EQ(first.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(second.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    for (const std::int32_t label : first.labels) {
        EXPECT_GE(label, 0);
        EXPECT_LT(label, k);
    }
    EXPECT_EQ(first.labels, second.labels);
    EXPECT_EQ(first.centroids, second.centroids);
    EXPECT_EQ(first.info.iterations, second.info.iterations);
    return first;
}

TEST(KMeansEdgeInput, OnePoint) {
    const auto outcome = run_checked({3.0, 4.0}, 2, 1);
    EXPECT_EQ(outcome.centroids, (std::vector<double>{3.0, 4.0}));
    EXPECT_EQ(outcome.info.inertia, 0.0);
}

TEST(KMeansEdgeInput, IdenticalPointsGoToTheFirstCluster) {
    const std::vector<double> points(3 * 50, 1.25);
    const auto outcome = run_checked(points, 3, 4);
    EXPECT_THAT(outcome.labels, ::testing::Each(0));
    for (const double c : outcome.centroids) EXPECT_EQ(c, 1.25);
}

TEST(KMeansEdgeInput, DuplicatesWithKEqualToNKeepEmptyClustersFinite) {
    const auto outcome = run_checked({0, 0, 0, 5, 5, 5}, 1, 6);
    for (const double c : outcome.centroids) EXPECT_TRUE(std::isfinite(c)) << c;
    EXPECT_EQ(outcome.info.inertia, 0.0);
}

TEST(KMeansEdgeInput, ThousandsOfDimensions) {
    constexpr std::int64_t d = 3000;
    std::vector<double> points(static_cast<std::size_t>(6 * d));
    for (std::size_t i = 0; i < points.size(); ++i) points[i] = static_cast<double>((i * 7) % 19) - (i < 3 * d ? 0 : 50);
    const auto outcome = run_checked(points, d, 2);
    for (const double c : outcome.centroids) EXPECT_TRUE(std::isfinite(c)) << c;
}

TEST(KMeansEdgeInput, MoreThanOneChunkOfIdenticalRows) {
    const std::vector<double> points(2 * 9000, -3.0);
    const auto outcome = run_checked(points, 2, 3);
    EXPECT_THAT(outcome.labels, ::testing::Each(0));
}

TEST(KMeansEdgeInput, HugeFiniteCoordinatesAreAcceptedAndStayDeterministic) {
    // Sums overflow to infinity: the call is defined (finite input) and every thread count gives the same bits.
    const std::vector<double> points{1e308, -1e308, 1e308, 1e308, -1e308, -1e308, 0, 0};
    run_checked(points, 2, 2);
}

}  // namespace
