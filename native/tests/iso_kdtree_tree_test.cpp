// The kd-tree Boruvka (CHEEGER_ISO_SPANNING_TREE_KDTREE) builds the reference Prim's tree bit for bit (parent,
// d2, insertion order) where its pruning could go wrong: on every bundled data set, on duplicates and all-equal
// points, on lattices full of exact ties, on near-ties a rounding error apart, for d = 1..10, on 1, 2 and 3
// threads, and through AUTO above the crossover; and its box lower bound never exceeds a rounded d2 of a point in
// the box.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "context_handle.hpp"
#include "iso/kd_tree.hpp"
#include "iso/squared_distance.hpp"
#include "iso_call.hpp"
#include "iso_reference.hpp"
#include "test_data.hpp"

namespace {

using cheeger_test::named_points;

// Rows kept of a bundled data set: the reference Prim is O(n^2 d), so the large sets are sampled (every k-th row).
constexpr std::int64_t max_rows = 1500;

named_points sampled(named_points data) {
    const auto n = static_cast<std::int64_t>(data.points.size()) / data.d;
    if (n <= max_rows) return data;
    std::vector<std::int64_t> rows;
    for (std::int64_t r = 0; r < n; r += (n + max_rows - 1) / max_rows) rows.push_back(r);
    data.points = cheeger_test::pick_rows(data.points, data.d, rows);
    data.name += " (every " + std::to_string((n + max_rows - 1) / max_rows) + "th row)";
    return data;
}

// Every point of the side^d integer lattice, in lexicographic order (unit edges everywhere: ties only).
std::vector<double> full_lattice(int side, int d, double spacing) {
    std::vector<double> points;
    std::vector<int> at(static_cast<std::size_t>(d), 0);
    while (true) {
        for (const int coordinate : at) points.push_back(coordinate * spacing);
        int j = d - 1;
        while (j >= 0 && ++at[static_cast<std::size_t>(j)] == side) at[static_cast<std::size_t>(j--)] = 0;
        if (j < 0) return points;
    }
}

// Points on a line at i * 0.1: the rounded gaps differ from each other by an ulp or so, near-ties everywhere.
std::vector<double> tenths(int n) {
    std::vector<double> points;
    for (int i = 0; i < n; ++i) points.push_back(i * 0.1);
    return points;
}

// Unit vectors +-e_j around several centres in d = 6, each coordinate moved by a few ulps: the centre-to-vector
// edges (d2 near 1, between vectors near 2) are the tree's, and their d2 differ by single ulps or tie exactly.
std::vector<double> ulp_stars() {
    constexpr int d = 6;
    std::mt19937_64 engine(41);
    std::uniform_int_distribution<int> ulps(-2, 2);
    const auto nudge = [&](double x) {
        const int steps = ulps(engine);
        for (int s = 0; s < std::abs(steps); ++s) x = std::nextafter(x, steps > 0 ? 10.0 : -10.0);
        return x;
    };
    std::vector<double> points;
    for (int centre = 0; centre < 12; ++centre) {
        const double offset = 5.0 * centre;
        for (int j = 0; j < d; ++j) points.push_back(j == 0 ? offset : 0.0);
        for (int axis = 0; axis < d; ++axis) {
            for (const double sign : {1.0, -1.0}) {
                for (int j = 0; j < d; ++j) points.push_back(nudge((j == 0 ? offset : 0.0) + (j == axis ? sign : 0.0)));
            }
        }
    }
    return points;
}

// d2 one ulp apart by construction: from the origin, x at 1 and y with y^2 rounded to the double after 1, both
// beside points that tie them exactly.
std::vector<double> one_ulp_apart() {
    const double next = std::sqrt(std::nextafter(1.0, 2.0));
    return {0.0, 0.0, 1.0, 0.0, 0.0, next, -1.0, 0.0, 0.0, -next, 3.0, 3.0, 3.0, 3.0 + next, 4.0, 3.0};
}

std::vector<named_points> bundled_sets() {
    std::vector<named_points> sets;
    for (const char* name : {"a1", "a2", "a3", "iris", "s1", "s2", "s3", "s4", "seeds", "skin_segmentation", "wdbc",
                             "wine", "winequality_red", "winequality_white", "yeast"}) {
        sets.push_back(sampled(cheeger_test::bundled_data_set(name)));
    }
    return sets;
}

std::vector<named_points> tie_and_near_tie_sets() {
    auto sets = cheeger_test::tie_heavy_points();
    auto duplicates = cheeger_test::grid_points(400, 2, 5, 9);  // 400 points on 25 sites
    sets.push_back({"duplicates on 25 sites", duplicates, 2});
    sets.push_back({"all points equal", std::vector<double>(300 * 3, -1.5), 3});
    sets.push_back({"2-d lattice", full_lattice(30, 2, 1.0), 2});
    sets.push_back({"3-d lattice", full_lattice(10, 3, 1.0), 3});
    sets.push_back({"3-d lattice of tenths", full_lattice(9, 3, 0.1), 3});
    sets.push_back({"2-d lattice of tenths", full_lattice(25, 2, 0.1), 2});
    sets.push_back({"line of tenths", tenths(600), 1});
    sets.push_back({"stars a few ulps off", ulp_stars(), 6});
    sets.push_back({"one ulp apart", one_ulp_apart(), 2});
    sets.push_back({"one point", {2.0, 7.0}, 2});
    return sets;
}

std::vector<named_points> dimension_sets() {
    std::vector<named_points> sets;
    for (std::int64_t d = 1; d <= 10; ++d) {
        sets.push_back({"uniform d=" + std::to_string(d), cheeger_test::uniform_points(1200, d, 100 + static_cast<std::uint64_t>(d)), d});
        sets.push_back({"blobs d=" + std::to_string(d), cheeger_test::blob_points(1200, d, 20, 200 + static_cast<std::uint64_t>(d)), d});
    }
    // Far above where AUTO stops: the pruning barely works there, the tree must still be exact.
    sets.push_back({"uniform d=40", cheeger_test::uniform_points(400, 40, 140), 40});
    return sets;
}

void expect_reference_trees(int threads, const std::vector<named_points>& sets) {
    const auto context = cheeger_test::make_context(CHEEGER_BACKEND_CPU, threads);
    ASSERT_TRUE(context) << cheeger_last_error();
    for (const named_points& data : sets) {
        SCOPED_TRACE(data.name + ", " + std::to_string(threads) + " threads");
        const auto reference = cheeger_test::reference_prim(data.points, data.d);
        auto params = cheeger_test::iso_params(1);
        params.spanning_tree = CHEEGER_ISO_SPANNING_TREE_KDTREE;
        const auto run = cheeger_test::run_iso(context.get(), data.points, data.d, params);
        ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(run.parent, reference.parent);
        EXPECT_EQ(run.squared_edge_length, reference.squared_length);
        EXPECT_EQ(run.order, reference.order);
    }
}

class KdTreeBoruvka : public ::testing::TestWithParam<int> {};

TEST_P(KdTreeBoruvka, BuildsPrimsTreeOnEveryBundledDataSet) { expect_reference_trees(GetParam(), bundled_sets()); }

TEST_P(KdTreeBoruvka, BuildsPrimsTreeOnTiesAndNearTies) { expect_reference_trees(GetParam(), tie_and_near_tie_sets()); }

TEST_P(KdTreeBoruvka, BuildsPrimsTreeInEveryDimensionFromOneToTen) {
    expect_reference_trees(GetParam(), dimension_sets());
}

// Above the crossover AUTO runs the kd-tree on the CPU (cpu_spanning_tree_choice); the tree is still Prim's.
TEST_P(KdTreeBoruvka, AutoAboveTheCrossoverBuildsPrimsTree) {
    const std::int64_t n = CHEEGER_ISO_KDTREE_MIN_POINTS_D2 + 500;
    const auto context = cheeger_test::make_context(CHEEGER_BACKEND_CPU, GetParam());
    ASSERT_TRUE(context) << cheeger_last_error();
    for (const named_points& data : {named_points{"uniform", cheeger_test::uniform_points(n, 2, 77), 2},
                                     named_points{"grid", cheeger_test::grid_points(n, 2, 40, 78), 2}}) {
        SCOPED_TRACE(data.name);
        const auto reference = cheeger_test::reference_prim(data.points, data.d);
        const auto run = cheeger_test::run_iso(context.get(), data.points, data.d, cheeger_test::iso_params(3));
        ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(run.parent, reference.parent);
        EXPECT_EQ(run.squared_edge_length, reference.squared_length);
        EXPECT_EQ(run.order, reference.order);
    }
}

INSTANTIATE_TEST_SUITE_P(Threads, KdTreeBoruvka, ::testing::Values(1, 2, 3));

// The pruning rule's premise (kd_tree.hpp): for points x in a box and any query q, the bound is at most the
// rounded d2(q, x). Queries and points a few ulps from the box faces, where rounding could push the bound over.
TEST(KdBoxLowerBound, NeverExceedsTheRoundedSquaredDistanceOfAPointInTheBox) {
    std::mt19937_64 engine(5);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    std::uniform_int_distribution<int> ulps(-3, 3);
    const auto near = [&](double x) {
        const int steps = ulps(engine);
        for (int s = 0; s < std::abs(steps); ++s) x = std::nextafter(x, steps > 0 ? 1e300 : -1e300);
        return x;
    };
    std::int64_t equal_cases = 0;
    for (int trial = 0; trial < 20000; ++trial) {
        const std::int64_t d = 1 + trial % 10;
        const double scale = std::ldexp(1.0, trial % 60 - 30);
        std::vector<double> low(static_cast<std::size_t>(d)), high(low), q(low), x(low);
        for (std::size_t j = 0; j < low.size(); ++j) {
            const double a = unit(engine) * scale, b = near(a + std::abs(unit(engine)) * scale * 1e-3);
            low[j] = std::min(a, b);
            high[j] = std::max(a, b);
            x[j] = trial % 2 == 0 ? low[j] : high[j];  // a corner: the nearest point to a query outside
            q[j] = near(trial % 3 == 0 ? x[j] : x[j] + unit(engine) * scale * 0.01);
        }
        const double bound = cheeger::iso::box_lower_bound(q.data(), low.data(), high.data(), d);
        const double d2 = cheeger::iso::squared_distance(q.data(), x.data(), d);
        ASSERT_LE(bound, d2) << "trial " << trial;
        equal_cases += bound == d2 ? 1 : 0;
    }
    // The bound is tight at a corner nearest to the query: most cases meet it exactly, none exceed it.
    EXPECT_GT(equal_cases, 1000);
}

}  // namespace
