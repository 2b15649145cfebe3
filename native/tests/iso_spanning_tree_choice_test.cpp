// AUTO's spanning-tree choice on the CPU (cpu_spanning_tree_choice): by size and dimension, and below the size
// for the ambient dimension by the data's intrinsic dimension (intrinsic_dimension). The choice only decides the
// time: through AUTO the tree stays Prim's.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "cheeger.h"
#include "context_handle.hpp"
#include "iso/intrinsic_dimension.hpp"
#include "iso/iso_cpu_stages.hpp"
#include "iso_call.hpp"
#include "iso_reference.hpp"
#include "test_data.hpp"

namespace {

using cheeger::iso::cpu_spanning_tree_choice;
using cheeger::iso::intrinsic_dimension;

// n points uniform on a random 2-D plane through R^d (a linear image of the unit square): intrinsic dimension 2.
std::vector<double> plane_points(std::int64_t n, std::int64_t d, std::uint64_t seed) {
    std::mt19937_64 engine(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<double> basis(static_cast<std::size_t>(2 * d));
    for (double& b : basis) b = unit(engine) - 0.5;
    std::vector<double> points;
    points.reserve(static_cast<std::size_t>(n * d));
    for (std::int64_t i = 0; i < n; ++i) {
        const double u = unit(engine), v = unit(engine);
        for (std::size_t j = 0; j < static_cast<std::size_t>(d); ++j)
            points.push_back(u * basis[j] + v * basis[static_cast<std::size_t>(d) + j]);
    }
    return points;
}

std::int64_t rows(const std::vector<double>& points, std::int64_t d) {
    return static_cast<std::int64_t>(points.size()) / d;
}

TEST(IntrinsicDimension, FindsAPlaneInElevenDimensions) {
    const auto points = plane_points(5000, 11, 3);
    EXPECT_NEAR(intrinsic_dimension(points.data(), 5000, 11), 2.0, 0.4);
}

TEST(IntrinsicDimension, FindsMostOfAFullCube) {
    // The estimate runs low as d grows (few sampled neighbours, many near a face), never to half of d.
    for (const std::int64_t d : {3, 5, 11}) {
        SCOPED_TRACE(d);
        const auto points = cheeger_test::uniform_points(5000, d, 4);
        const double estimate = intrinsic_dimension(points.data(), 5000, d);
        EXPECT_GT(estimate, 0.7 * static_cast<double>(d));
        EXPECT_LT(estimate, 1.1 * static_cast<double>(d));
    }
}

TEST(IntrinsicDimension, IsUndefinedWithoutAScale) {
    const std::vector<double> equal(3000 * 4, 0.25);
    EXPECT_TRUE(std::isnan(intrinsic_dimension(equal.data(), 3000, 4)));
    const std::vector<double> one{1.0, 2.0};
    EXPECT_TRUE(std::isnan(intrinsic_dimension(one.data(), 1, 2)));
}

TEST(SpanningTreeChoice, FollowsTheMeasuredSizesOfTheAmbientDimension) {
    const auto small = cheeger_test::uniform_points(CHEEGER_ISO_KDTREE_MIN_POINTS_D2 - 1, 2, 5);
    EXPECT_EQ(cpu_spanning_tree_choice(small.data(), rows(small, 2), 2), CHEEGER_ISO_SPANNING_TREE_PRIM);
    const auto large = cheeger_test::uniform_points(CHEEGER_ISO_KDTREE_MIN_POINTS_D2, 2, 5);
    EXPECT_EQ(cpu_spanning_tree_choice(large.data(), rows(large, 2), 2), CHEEGER_ISO_SPANNING_TREE_KDTREE);
    const auto cube = cheeger_test::uniform_points(5000, 11, 6);  // full-dimensional: Prim above d = 10
    EXPECT_EQ(cpu_spanning_tree_choice(cube.data(), 5000, 11), CHEEGER_ISO_SPANNING_TREE_PRIM);
}

TEST(SpanningTreeChoice, TakesTheKdTreeWhereTheIntrinsicDimensionIsLow) {
    const auto plane = plane_points(5000, 11, 7);
    EXPECT_EQ(cpu_spanning_tree_choice(plane.data(), 5000, 11), CHEEGER_ISO_SPANNING_TREE_KDTREE);
    const auto wine = cheeger_test::bundled_data_set("winequality_white");  // 4898 x 11, estimate about 3
    EXPECT_EQ(cpu_spanning_tree_choice(wine.points.data(), rows(wine.points, wine.d), wine.d),
              CHEEGER_ISO_SPANNING_TREE_KDTREE);
    const auto few = plane_points(CHEEGER_ISO_KDTREE_MIN_POINTS_D2 - 1, 11, 7);  // too few for any kd-tree
    EXPECT_EQ(cpu_spanning_tree_choice(few.data(), rows(few, 11), 11), CHEEGER_ISO_SPANNING_TREE_PRIM);
}

TEST(SpanningTreeChoice, AutoOnLowIntrinsicDimensionBuildsPrimsTree) {
    const std::int64_t d = 11;
    const auto points = plane_points(4500, d, 8);
    const auto context = cheeger_test::make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto reference = cheeger_test::reference_prim(points, d);
    const auto run = cheeger_test::run_iso(context.get(), points, d, cheeger_test::iso_params(3));
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.parent, reference.parent);
    EXPECT_EQ(run.squared_edge_length, reference.squared_length);
    EXPECT_EQ(run.order, reference.order);
}

}  // namespace
