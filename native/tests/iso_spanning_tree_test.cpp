// Every spanning-tree algorithm builds the reference Prim's tree (spec §2.2): the CPU Boruvka (the twin of the CUDA
// one) and the kd-tree Boruvka (more of it in iso_kdtree_tree_test.cpp) give parent, squared lengths and order bit for bit, on data full of ties and duplicates, on a line whose
// hook chains are long, and for every thread count, through cheeger_iso_run and the tree stage alone; prim_order_on_tree recovers Prim's order from edges in any
// order and refuses edges that are not a spanning tree.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "context_handle.hpp"
#include "core/error.hpp"
#include "iso/prim_order_on_tree.hpp"
#include "iso_call.hpp"
#include "iso_reference.hpp"
#include "test_data.hpp"

namespace {

using cheeger_test::grid_points;
using cheeger_test::iso_params;
using cheeger_test::make_context;
using cheeger_test::run_iso;

using data_set = cheeger_test::named_points;

// Points on a line with growing gaps: every component's least edge points left, so the first round hooks one
// long chain (the case pointer jumping exists for).
std::vector<double> growing_gaps(std::int64_t n) {
    std::vector<double> points;
    double x = 0.0;
    for (std::int64_t i = 0; i < n; ++i) {
        points.push_back(x);
        x += 1.0 + static_cast<double>(i) * 0.5;
    }
    return points;
}

std::vector<data_set> data_sets() {
    auto sets = cheeger_test::tie_heavy_points();
    sets.push_back({"all points equal", std::vector<double>(60 * 2, 3.25), 2});
    sets.push_back({"growing gaps", growing_gaps(300), 1});
    sets.push_back({"two points", {0.0, 0.0, 1.0, 1.0}, 2});
    sets.push_back({"one point", {4.0, 2.0}, 2});
    return sets;
}

class SpanningTree : public ::testing::TestWithParam<int> {};

TEST_P(SpanningTree, BoruvkaAndPrimBuildTheReferenceTree) {
    const auto context = make_context(CHEEGER_BACKEND_CPU, GetParam());
    ASSERT_TRUE(context) << cheeger_last_error();
    for (const data_set& data : data_sets()) {
        const auto reference = cheeger_test::reference_prim(data.points, data.d);
        for (const auto algorithm : {CHEEGER_ISO_SPANNING_TREE_AUTO, CHEEGER_ISO_SPANNING_TREE_PRIM,
                                     CHEEGER_ISO_SPANNING_TREE_BORUVKA, CHEEGER_ISO_SPANNING_TREE_KDTREE}) {
            SCOPED_TRACE(data.name + ", spanning_tree = " + std::to_string(algorithm));
            auto params = iso_params(1);
            params.spanning_tree = algorithm;
            const auto run = run_iso(context.get(), data.points, data.d, params);
            ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
            EXPECT_EQ(run.parent, reference.parent);
            EXPECT_EQ(run.squared_edge_length, reference.squared_length);
            EXPECT_EQ(run.order, reference.order);
        }
    }
}

// The tree stage alone (cheeger_iso_mst) builds the same tree with every choice.
TEST_P(SpanningTree, TheTreeStageAloneBuildsTheReferenceTreeWithEveryChoice) {
    const auto context = make_context(CHEEGER_BACKEND_CPU, GetParam());
    ASSERT_TRUE(context) << cheeger_last_error();
    for (const data_set& data : data_sets()) {
        const auto reference = cheeger_test::reference_prim(data.points, data.d);
        const auto n = static_cast<std::int64_t>(data.points.size()) / data.d;
        for (const auto algorithm : {CHEEGER_ISO_SPANNING_TREE_AUTO, CHEEGER_ISO_SPANNING_TREE_PRIM,
                                     CHEEGER_ISO_SPANNING_TREE_BORUVKA, CHEEGER_ISO_SPANNING_TREE_KDTREE}) {
            SCOPED_TRACE(data.name + ", spanning_tree = " + std::to_string(algorithm));
            const auto size = static_cast<std::size_t>(n);
            std::vector<std::int32_t> parent(size), depth(size), sibling(size), order(size);
            std::vector<double> squared(size), length(size);
            ASSERT_EQ(cheeger_iso_mst(context.get(), data.points.data(), n, data.d, algorithm, parent.data(),
                                      squared.data(), length.data(), depth.data(), sibling.data(), order.data()),
                      CHEEGER_STATUS_OK)
                << cheeger_last_error();
            EXPECT_EQ(parent, reference.parent);
            EXPECT_EQ(squared, reference.squared_length);
            EXPECT_EQ(order, reference.order);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Threads, SpanningTree, ::testing::Values(1, 2, 3));

TEST(SpanningTreeParams, AnUnknownAlgorithmIsRefusedByName) {
    const auto context = make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(context) << cheeger_last_error();
    auto params = iso_params(1);
    params.spanning_tree = 4;
    const auto run = run_iso(context.get(), {0.0, 1.0, 2.0}, 1, params);
    EXPECT_EQ(run.status, CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(cheeger_last_error()).find("params->spanning_tree = 4 is not a cheeger_iso_spanning_tree "
                                                     "value (AUTO = 0, PRIM = 1, BORUVKA = 2, KDTREE = 3)"),
              std::string::npos)
        << cheeger_last_error();
}

TEST(SpanningTreeParams, TheReservedFieldMustBeZero) {
    const auto context = make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(context) << cheeger_last_error();
    auto params = iso_params(1);
    params.reserved = 5;
    const auto run = run_iso(context.get(), {0.0, 1.0, 2.0}, 1, params);
    EXPECT_EQ(run.status, CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(cheeger_last_error()).find("params->reserved = 5 must be 0"), std::string::npos)
        << cheeger_last_error();
}

TEST(PrimOrderOnTree, RecoversPrimsOrderFromShuffledEdges) {
    const auto points = grid_points(150, 2, 6, 11);
    const auto reference = cheeger_test::reference_prim(points, 2);
    cheeger::iso::tree_edges edges;
    for (std::int32_t v = 1; v < 150; ++v) {
        // Half of the edges written child first, half parent first.
        const std::int32_t p = reference.parent[static_cast<std::size_t>(v)];
        edges.a.push_back(v % 2 == 0 ? v : p);
        edges.b.push_back(v % 2 == 0 ? p : v);
        edges.squared_length.push_back(reference.squared_length[static_cast<std::size_t>(v)]);
    }
    std::vector<std::size_t> shuffle(edges.a.size());
    for (std::size_t i = 0; i < shuffle.size(); ++i) shuffle[i] = i;
    std::shuffle(shuffle.begin(), shuffle.end(), std::mt19937_64(3));
    cheeger::iso::tree_edges shuffled;
    for (const std::size_t i : shuffle) {
        shuffled.a.push_back(edges.a[i]);
        shuffled.b.push_back(edges.b[i]);
        shuffled.squared_length.push_back(edges.squared_length[i]);
    }
    std::vector<std::int32_t> parent(150, -7), order(150, -7);
    std::vector<double> squared(150, -7.0);
    cheeger::iso::prim_order_on_tree(150, shuffled, {parent.data(), squared.data(), order.data()});
    EXPECT_EQ(parent, reference.parent);
    EXPECT_EQ(squared, reference.squared_length);
    EXPECT_EQ(order, reference.order);
}

TEST(PrimOrderOnTree, RefusesEdgesThatAreNotASpanningTree) {
    std::vector<std::int32_t> parent(4), order(4);
    std::vector<double> squared(4);
    const cheeger::iso::tree_output out{parent.data(), squared.data(), order.data()};
    const auto refused = [&](const cheeger::iso::tree_edges& edges, const std::string& why) {
        try {
            cheeger::iso::prim_order_on_tree(4, edges, out);
        } catch (const cheeger::error& e) {
            EXPECT_EQ(e.status(), CHEEGER_STATUS_INTERNAL_ERROR);
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
            return;
        }
        ADD_FAILURE() << "accepted: " << why;
    };
    refused({{0, 1}, {1, 2}, {1.0, 1.0}}, "2 edges for 4 vertices");
    refused({{0, 1, 2}, {1, 2, 9}, {1.0, 1.0, 1.0}}, "edge 2 = (2, 9)");
    // A triangle and an isolated vertex: n - 1 edges that do not span.
    refused({{0, 1, 2}, {1, 2, 0}, {1.0, 2.0, 3.0}}, "vertex");
}

}  // namespace
