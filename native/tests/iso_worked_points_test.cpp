// The point examples of docs/isoperimetric.md §8.2 (default model) and §8.3 (ties decided by the edge order),
// with the numbers the specification gives, on several thread counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "context_handle.hpp"
#include "iso_call.hpp"

namespace {

using cheeger_test::iso_params;
using cheeger_test::make_context;
using cheeger_test::run_iso;

const std::vector<double> twelve_points = {0, 0,   1.1, 0.2, 0.3, 0.9, 1.2, 1.3, 0.6,  2.1, 6,    5.1,
                                           7.2, 5.3, 6.4, 6.2, 7.1, 6.6, 12.5, 0.4, 13.1, 1.2, 3.6, 9.4};

struct point_case {
    std::int32_t k;
    double cost;
    double epsilon_high;
    std::int32_t halvings;
    std::vector<std::int32_t> labels;
    std::vector<std::int32_t> full_labels;
};

class IsoWorkedPoints : public ::testing::TestWithParam<int> {};

TEST_P(IsoWorkedPoints, TreeAndSigmaAsTheSpecGives) {
    auto context = make_context(CHEEGER_BACKEND_CPU, GetParam());
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto o = run_iso(context.get(), twelve_points, 2, iso_params(2));
    ASSERT_EQ(o.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(o.parent, (std::vector<std::int32_t>{-1, 2, 0, 2, 3, 3, 7, 5, 7, 10, 6, 7}));
    EXPECT_EQ(o.depth, (std::vector<std::int32_t>{0, 2, 1, 2, 3, 3, 5, 4, 5, 7, 6, 5}));
    EXPECT_EQ(o.sibling_rank, (std::vector<std::int32_t>{0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 2}));
    EXPECT_EQ(o.order, (std::vector<std::int32_t>{0, 2, 3, 4, 1, 5, 7, 8, 6, 11, 10, 9}));
    EXPECT_EQ(o.info.sigma, 4.6793262423742741);  // the oracle's value, to the last bit
    EXPECT_EQ(o.info.max_depth, 7);
    EXPECT_EQ(o.info.backend, CHEEGER_BACKEND_CPU);
    for (std::size_t v = 1; v < 12; ++v) {
        EXPECT_EQ(o.edge_length[v], std::sqrt(o.squared_edge_length[v])) << v;
        EXPECT_EQ(o.parent_flow[v], std::exp(-o.edge_length[v] / o.info.sigma)) << v;
        EXPECT_EQ(o.potential[v], 0.0) << v;
    }
    EXPECT_EQ(o.parent_flow[0], 0.0);
    // Tree weight of vertex 7: its parent edge, then children 6, 8, 11 in sibling order (8 joined first).
    EXPECT_EQ(o.vertex_weight[7], ((o.parent_flow[7] + o.parent_flow[8]) + o.parent_flow[6]) + o.parent_flow[11]);
}

TEST_P(IsoWorkedPoints, CostsEpsilonsAndLabelsForK1To4) {
    const std::vector<point_case> cases = {
        {1, 0.0, 0.0, 0, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
        {2, 0.040144993160941465, 0.04014499316096476, 46, {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1},
         {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1}},
        {3, 0.11765195734948844, 0.1176519573494943, 44, {0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 1},
         {0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 1}},
        {4, 0.40082113978627254, 0.4008211397863306, 43, {0, 0, 0, 1, 1, -1, 2, 2, 2, 3, 3, 2},
         {0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 2}},
    };
    auto context = make_context(CHEEGER_BACKEND_CPU, GetParam());
    ASSERT_TRUE(context) << cheeger_last_error();
    for (const point_case& c : cases) {
        SCOPED_TRACE(c.k);
        auto params = iso_params(c.k);
        params.full_labels = 1;
        const auto o = run_iso(context.get(), twelve_points, 2, params);
        ASSERT_EQ(o.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_NEAR(o.info.cost, c.cost, 1e-9 * std::max(c.cost, 1e-300));
        EXPECT_EQ(o.info.epsilon_high, c.epsilon_high);
        EXPECT_EQ(o.info.search_steps, c.halvings);
        EXPECT_EQ(o.labels, c.labels);
        EXPECT_EQ(o.full_labels, c.full_labels);
        const auto outliers = std::count(c.labels.begin(), c.labels.end(), -1);
        EXPECT_EQ(o.info.outliers, outliers);
        EXPECT_EQ(*std::max_element(o.cluster_costs.begin(), o.cluster_costs.end()), o.info.cost);
        // Probes: hi0, then epsilon = 0, then one per halving (no doubling is needed here).
        EXPECT_EQ(o.info.decisions, c.k == 1 ? 2 : 2 + c.halvings);
        EXPECT_GE(o.probes.front().count, c.k);
        EXPECT_EQ(o.probes[1].epsilon, 0.0);
    }
}

TEST_P(IsoWorkedPoints, TiesAreDecidedByTheEdgeOrder) {
    const std::vector<double> grid = {2, 1, 2, 0, 0, 0, 0, 2, 0, 1};
    auto context = make_context(CHEEGER_BACKEND_CPU, GetParam());
    ASSERT_TRUE(context) << cheeger_last_error();
    std::vector<std::int32_t> parent(5), depth(5), sibling(5), order(5);
    std::vector<double> squared(5), length(5);
    ASSERT_EQ(cheeger_iso_mst(context.get(), grid.data(), 5, 2, CHEEGER_ISO_SPANNING_TREE_AUTO,
                              parent.data(), squared.data(), length.data(),
                              depth.data(), sibling.data(), order.data()),
              CHEEGER_STATUS_OK)
        << cheeger_last_error();
    EXPECT_EQ(parent, (std::vector<std::int32_t>{-1, 0, 4, 4, 0}));
    EXPECT_EQ(depth, (std::vector<std::int32_t>{0, 1, 2, 2, 1}));
    EXPECT_EQ(sibling, (std::vector<std::int32_t>{0, 0, 0, 1, 1}));
    EXPECT_EQ(order, (std::vector<std::int32_t>{0, 1, 4, 2, 3}));
    EXPECT_EQ(squared, (std::vector<double>{0, 1, 1, 1, 4}));
    EXPECT_EQ(length, (std::vector<double>{0, 1, 1, 1, 2}));
}

INSTANTIATE_TEST_SUITE_P(Threads, IsoWorkedPoints, ::testing::Values(1, 2, 3, 8));

}  // namespace
