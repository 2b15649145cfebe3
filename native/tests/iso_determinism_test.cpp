// The same input gives the same tree, sigma, probes, costs and labels on every thread count (1, 2, 3, 8), with
// decision levels split or not, for every model option, on data full of duplicates and ties; and the stages agree
// with each other and with plain references.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "cheeger_testing.h"
#include "context_handle.hpp"
#include "iso_call.hpp"
#include "iso_expectations.hpp"
#include "iso_reference.hpp"
#include "test_data.hpp"

namespace {

using cheeger_test::iso_outcome;
using cheeger_test::iso_params;
using cheeger_test::expect_same_run;
using cheeger_test::make_context;
using cheeger_test::run_iso;

using data_set = cheeger_test::named_points;

std::vector<data_set> data_sets() { return cheeger_test::tie_heavy_points(); }

TEST(IsoDeterminism, EveryThreadCountGivesTheSameResult) {
    for (const data_set& data : data_sets()) {
        for (const auto& m : cheeger_test::iso_models()) {
            SCOPED_TRACE(data.name + ", " + m.name);
            auto params = iso_params(6);
            params.full_labels = 1;
            m.edit(params);
            auto one = make_context(CHEEGER_BACKEND_CPU, 1);
            ASSERT_TRUE(one);
            const iso_outcome reference = run_iso(one.get(), data.points, data.d, params);
            ASSERT_EQ(reference.status, CHEEGER_STATUS_OK) << cheeger_last_error();
            for (int threads : {2, 3, 8}) {
                SCOPED_TRACE(threads);
                auto context = make_context(CHEEGER_BACKEND_CPU, threads);
                ASSERT_TRUE(context);
                expect_same_run(reference, run_iso(context.get(), data.points, data.d, params));
            }
        }
    }
}

TEST(IsoDeterminism, SplittingTheDecisionIntoSubtreesOverThreadsChangesNothing) {
    const auto points = cheeger_test::blob_points(3000, 2, 4, 23);
    auto params = iso_params(8);
    auto one = make_context(CHEEGER_BACKEND_CPU, 1);
    const iso_outcome reference = run_iso(one.get(), points, 2, params);
    for (std::int64_t piece : {1, 2, 7}) {
        SCOPED_TRACE(piece);
        ASSERT_EQ(cheeger_testing_set_iso_min_decision_piece(piece), CHEEGER_STATUS_OK);
        for (int threads : {2, 3}) {
            auto context = make_context(CHEEGER_BACKEND_CPU, threads);
            expect_same_run(reference, run_iso(context.get(), points, 2, params));
        }
    }
    ASSERT_EQ(cheeger_testing_set_iso_min_decision_piece(0), CHEEGER_STATUS_OK);
}

TEST(IsoDeterminism, RepeatedCallsOnOneContextAgreeAndAllocateNothing) {
    const auto points = cheeger_test::blob_points(1500, 4, 6, 31);
    auto params = iso_params(5);
    params.full_labels = 1;
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    const iso_outcome first = run_iso(context.get(), points, 4, params);
    ASSERT_EQ(first.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    // The next buffer allocation fails: a call of the same size must not make one.
    ASSERT_EQ(cheeger_testing_fail_next_allocation(), CHEEGER_STATUS_OK);
    expect_same_run(first, run_iso(context.get(), points, 4, params));
    // A larger call has to grow the buffers and meets the armed failure (which this also disarms).
    const auto larger = cheeger_test::blob_points(1600, 4, 6, 31);
    const iso_outcome failed = run_iso(context.get(), larger, 4, params);
    EXPECT_EQ(failed.status, CHEEGER_STATUS_OUT_OF_MEMORY);
    EXPECT_NE(std::string(cheeger_last_error()).find("could not allocate"), std::string::npos) << cheeger_last_error();
    expect_same_run(first, run_iso(context.get(), points, 4, params));  // the context is still usable
}

TEST(IsoStages, PrimEqualsTheReferencePrimAndKruskalsEdges) {
    for (const data_set& data : data_sets()) {
        SCOPED_TRACE(data.name);
        const auto reference = cheeger_test::reference_prim(data.points, data.d);
        const auto kruskal = cheeger_test::reference_kruskal(data.points, data.d);
        const std::size_t n = reference.parent.size();
        for (int threads : {1, 2, 3, 8}) {
            SCOPED_TRACE(threads);
            auto context = make_context(CHEEGER_BACKEND_CPU, threads);
            std::vector<std::int32_t> parent(n), depth(n), sibling(n), order(n);
            std::vector<double> squared(n), length(n);
            ASSERT_EQ(cheeger_iso_mst(context.get(), data.points.data(), static_cast<std::int64_t>(n), data.d,
                                      CHEEGER_ISO_SPANNING_TREE_AUTO,
                                      parent.data(), squared.data(), length.data(), depth.data(), sibling.data(),
                                      order.data()),
                      CHEEGER_STATUS_OK)
                << cheeger_last_error();
            EXPECT_EQ(parent, reference.parent);
            EXPECT_EQ(squared, reference.squared_length);
            EXPECT_EQ(order, reference.order);
            std::vector<std::pair<std::int32_t, std::int32_t>> edges;
            std::vector<std::int32_t> children(n, 0);
            for (std::size_t t = 1; t < n; ++t) {
                const std::int32_t u = order[t], p = parent[static_cast<std::size_t>(u)];
                edges.emplace_back(std::min(u, p), std::max(u, p));
                EXPECT_EQ(depth[static_cast<std::size_t>(u)], depth[static_cast<std::size_t>(p)] + 1);
                EXPECT_EQ(sibling[static_cast<std::size_t>(u)], children[static_cast<std::size_t>(p)]++);
            }
            std::sort(edges.begin(), edges.end());
            EXPECT_EQ(edges, kruskal);
        }
    }
}

TEST(IsoStages, PartitionOfTheRunsTreeGivesTheRunsAnswer) {
    for (const data_set& data : data_sets()) {
        for (const auto& m : cheeger_test::iso_models()) {
            SCOPED_TRACE(data.name + ", " + m.name);
            auto params = iso_params(4);
            m.edit(params);
            auto context = make_context(CHEEGER_BACKEND_CPU, 2);
            const iso_outcome run = run_iso(context.get(), data.points, data.d, params);
            ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
            cheeger_test::iso_tree_input tree{run.parent,       run.parent_flow,  run.vertex_weight,
                                              run.potential,    run.sibling_rank, run.order};
            const iso_outcome part = cheeger_test::partition_iso(context.get(), tree, params);
            ASSERT_EQ(part.status, CHEEGER_STATUS_OK) << cheeger_last_error();
            EXPECT_EQ(part.labels, run.labels);
            EXPECT_EQ(part.cluster_costs, run.cluster_costs);
            EXPECT_EQ(part.info.cost, run.info.cost);
            EXPECT_EQ(part.info.epsilon_high, run.info.epsilon_high);
            EXPECT_EQ(part.info.search_steps, run.info.search_steps);
            EXPECT_EQ(part.info.decisions, run.info.decisions);
            EXPECT_EQ(part.info.max_depth, run.info.max_depth);
        }
    }
}

TEST(IsoStages, LonePointIdenticalPointsAndKEqualsN) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    const iso_outcome lone = run_iso(context.get(), {3.5, -1.0}, 2, iso_params(1));
    ASSERT_EQ(lone.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(lone.labels, (std::vector<std::int32_t>{0}));
    EXPECT_EQ(lone.info.sigma, 1.0);
    EXPECT_EQ(lone.vertex_weight, (std::vector<double>{1.0}));
    EXPECT_EQ(lone.info.cost, 0.0);

    const iso_outcome same = run_iso(context.get(), std::vector<double>(40, 2.0), 2, iso_params(3));
    ASSERT_EQ(same.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(same.info.sigma, 1.0);  // every edge has length 0
    for (double flow : std::vector<double>(same.parent_flow.begin() + 1, same.parent_flow.end())) EXPECT_EQ(flow, 1.0);

    const auto points = cheeger_test::blob_points(9, 2, 2, 3);
    const iso_outcome all = run_iso(context.get(), points, 2, iso_params(9));
    ASSERT_EQ(all.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    std::vector<std::int32_t> sorted = all.labels;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (std::vector<std::int32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8}));  // k = n: every point alone
}

}  // namespace
