// The tree example of docs/isoperimetric.md §8.1 through cheeger_iso_partition (optima, epsilons, halvings,
// labels) and through the level decider itself (the decision arrays of the spec's table, on split levels too).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "context_handle.hpp"
#include "core/thread_pool.hpp"
#include "iso/decision_layout.hpp"
#include "iso/iso_workspace.hpp"
#include "iso/subtree_decider.hpp"
#include "iso_call.hpp"

namespace {

using cheeger_test::iso_params;
using cheeger_test::iso_tree_input;
using cheeger_test::make_context;
using cheeger_test::partition_iso;

iso_tree_input spec_tree() {
    iso_tree_input tree;
    tree.parent = {-1, 0, 1, 1, 0, 4, 4, 0};
    tree.parent_flow = {0, 3, 6, 5, 1, 4, 4, 1};
    tree.vertex_weight = {1, 1, 1, 1, 1, 1, 1, 2};
    tree.potential = {0, 0, 0, 0, 0, 0, 0, 0};
    return tree;
}

struct tree_case {
    std::int32_t k;
    double cost;
    double epsilon_high;
    std::int32_t halvings;
    std::vector<std::int32_t> labels;
};

const std::vector<tree_case> tree_cases = {
    {1, 0.0, 0.0, 0, {0, 0, 0, 0, 0, 0, 0, 0}},
    {2, 1.0 / 3.0, 0.3333333333334849, 45, {0, 0, 0, 0, 1, 1, 1, 0}},
    {3, 0.5, 0.5, 44, {0, 0, 0, 0, 1, 1, 1, 2}},
    {4, 4.0, 4.0, 41, {-1, 0, 0, 0, -1, 1, 2, 3}},
};

void expect_spec_optima(const iso_tree_input& tree, int threads) {
    auto context = make_context(CHEEGER_BACKEND_CPU, threads);
    ASSERT_TRUE(context) << cheeger_last_error();
    for (const tree_case& c : tree_cases) {
        SCOPED_TRACE(c.k);
        const auto o = partition_iso(context.get(), tree, iso_params(c.k));
        ASSERT_EQ(o.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(o.info.cost, c.cost);  // exactly 1/3, 0.5 and 4.0 as doubles
        EXPECT_EQ(o.info.epsilon_high, c.epsilon_high);
        EXPECT_EQ(o.info.search_steps, c.halvings);
        EXPECT_EQ(o.labels, c.labels);
        EXPECT_EQ(o.info.max_depth, 2);
        EXPECT_EQ(o.info.sigma, 0.0);  // not part of a given tree
    }
}

TEST(IsoWorkedTree, OptimaWithChildrenRankedByIndex) { expect_spec_optima(spec_tree(), 1); }

TEST(IsoWorkedTree, OptimaWithGivenSiblingRanksAndOrder) {
    auto tree = spec_tree();
    tree.sibling_rank = {0, 0, 0, 1, 1, 0, 1, 2};
    tree.order = {0, 1, 4, 2, 3, 7, 5, 6};  // parents before children, not breadth first
    expect_spec_optima(tree, 3);
}

TEST(IsoWorkedTree, ClusterCostsInLabelOrder) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto o = partition_iso(context.get(), spec_tree(), iso_params(3));
    ASSERT_EQ(o.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(o.cluster_costs, (std::vector<double>{0.5, 1.0 / 3.0, 0.5}));  // {0,1,2,3}, {4,5,6}, {7}
}

TEST(IsoWorkedTree, DecisionsAreTheBracketZeroAndTheHalvings) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(context) << cheeger_last_error();
    // Singleton costs 5, 14, 6, 5, 9, 4, 4, 1/2: c_2 = c_3 = 4 and c_4 = 5 give hi0 = 8 (§8.1), which succeeds at
    // once, so the search makes one bracket probe, the probe at 0 and one per halving.
    for (std::int32_t k = 2; k <= 4; ++k) {
        std::vector<std::int32_t> labels(8);
        const auto tree = spec_tree();
        auto params = iso_params(k);
        cheeger_iso_info info{};
        ASSERT_EQ(cheeger_iso_partition(context.get(), 8, tree.parent.data(), tree.parent_flow.data(),
                                        tree.vertex_weight.data(), tree.potential.data(), nullptr, nullptr, &params,
                                        labels.data(), nullptr, &info),
                  CHEEGER_STATUS_OK)
            << cheeger_last_error();
        EXPECT_EQ(info.decisions, 2 + info.search_steps);
    }
}

// The decision arrays of §8.1 at epsilon = 1/4, 2/5, 3/5, 9/2 (val to rounding; the booleans exactly).
struct decision_case {
    double epsilon;
    std::int64_t count;
    std::vector<double> value;
    std::vector<std::uint8_t> good;
    std::vector<std::uint8_t> joined;
    std::vector<std::int32_t> rep;
};

const std::vector<decision_case> decision_cases = {
    {0.25, 1, {-9.0 / 4, -3.0 / 4, -1.0 / 4, -1.0 / 4, -3.0 / 4, -1.0 / 4, -1.0 / 4, -1.0 / 2},
     {1, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 1, 1, 1, 1, 1, 1}, {0, 0, 0, 0, 0, 0, 0, 0}},
    {0.4, 2, {-7.0 / 5, -6.0 / 5, -2.0 / 5, -2.0 / 5, -6.0 / 5, -2.0 / 5, -2.0 / 5, -4.0 / 5},
     {1, 0, 0, 0, 1, 0, 0, 0}, {0, 1, 1, 1, 0, 1, 1, 1}, {0, 0, 0, 0, 4, 4, 4, 0}},
    {0.6, 3, {-2.0 / 5, -9.0 / 5, -3.0 / 5, -3.0 / 5, -9.0 / 5, -3.0 / 5, -3.0 / 5, -6.0 / 5},
     {1, 0, 0, 0, 1, 0, 0, 1}, {0, 1, 1, 1, 0, 1, 1, 0}, {0, 0, 0, 0, 4, 4, 4, 7}},
    {4.5, 4, {1.0 / 2, -27.0 / 2, -9.0 / 2, -9.0 / 2, 7.0 / 2, -9.0 / 2, -9.0 / 2, -9.0},
     {0, 1, 0, 0, 0, 1, 1, 1}, {0, 0, 1, 1, 0, 0, 0, 0}, {0, 1, 1, 1, 4, 5, 6, 7}},
};

class IsoSubtreeDecider : public ::testing::TestWithParam<std::tuple<int, std::int64_t>> {};

TEST_P(IsoSubtreeDecider, DecisionArraysOfTheSpec) {
    const auto [threads, min_piece] = GetParam();
    cheeger::iso::set_min_piece_size_override(min_piece);
    const auto tree = spec_tree();
    cheeger::thread_pool pool(threads);
    cheeger::iso::workspace ws;
    ws.prepare(8, 0, false);
    const auto layout = cheeger::iso::build_decision_layout(ws, 8, 0, tree.parent.data(), nullptr,
                                                            tree.parent_flow.data(), tree.vertex_weight.data(),
                                                            tree.potential.data());
    cheeger::iso::subtree_decider decider(pool);
    decider.load(layout);
    for (const decision_case& c : decision_cases) {
        SCOPED_TRACE(c.epsilon);
        std::vector<double> value(8);
        std::vector<std::uint8_t> good(8), joined(8);
        std::vector<std::int32_t> rep(8);
        EXPECT_EQ(decider.count(c.epsilon, false), c.count);
        EXPECT_EQ(decider.decide(c.epsilon, false, {value.data(), good.data(), joined.data(), rep.data()}), c.count);
        for (std::size_t v = 0; v < 8; ++v) EXPECT_NEAR(value[v], c.value[v], 1e-12) << v;
        EXPECT_EQ(good, c.good);
        EXPECT_EQ(joined, c.joined);
        EXPECT_EQ(rep, c.rep);
    }
    // Strict and non-strict differ exactly at a set cost: at 1/3, {4,5,6} closes only non-strictly.
    EXPECT_EQ(decider.count(1.0 / 3.0, false) - decider.count(1.0 / 3.0, true), 1);
    cheeger::iso::set_min_piece_size_override(0);
}

INSTANTIATE_TEST_SUITE_P(ThreadsAndSplits, IsoSubtreeDecider,
                         ::testing::Values(std::make_tuple(1, 0), std::make_tuple(2, 1), std::make_tuple(3, 1),
                                           std::make_tuple(8, 1), std::make_tuple(8, 2)));

}  // namespace
