// cheeger_iso_run at the edges of its input: duplicate points under every kernel (zero-length edges keep finite,
// positive flows), thousands of dimensions, a zero-variance feature with standardisation, and every buffer
// allocation of a run failing in turn (OUT_OF_MEMORY naming the bytes; the context gives the right answer after).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "cheeger_testing.h"
#include "context_handle.hpp"
#include "iso_call.hpp"

namespace {

using cheeger_test::iso_params;
using cheeger_test::make_context;
using cheeger_test::run_iso;
using ::testing::MatchesRegex;

void expect_finite_model(const cheeger_test::iso_outcome& outcome, std::int32_t k) {
    ASSERT_EQ(outcome.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_TRUE(std::isfinite(outcome.info.sigma) && outcome.info.sigma > 0.0) << outcome.info.sigma;
    for (std::size_t v = 0; v < outcome.parent.size(); ++v) {
        if (outcome.parent[v] >= 0) {
            EXPECT_TRUE(std::isfinite(outcome.parent_flow[v]) && outcome.parent_flow[v] > 0.0) << "vertex " << v;
        }
        EXPECT_TRUE(std::isfinite(outcome.vertex_weight[v]) && outcome.vertex_weight[v] > 0.0) << "vertex " << v;
        EXPECT_GE(outcome.labels[v], -1);
        EXPECT_LT(outcome.labels[v], k);
    }
}

class IsoDuplicates : public ::testing::TestWithParam<std::int32_t> {};

TEST_P(IsoDuplicates, ZeroLengthEdgesKeepFinitePositiveFlows) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    auto params = iso_params(2);
    params.kernel = GetParam();
    params.beta = 0.5;
    const std::vector<double> points{0, 0, 0, 0, 1, 1, 1, 1, 9, 9, 9, 9};  // 6 x 2, three pairs
    expect_finite_model(run_iso(context.get(), points, 2, params), 2);
}

INSTANTIATE_TEST_SUITE_P(Kernels, IsoDuplicates,
                         ::testing::Values(CHEEGER_ISO_KERNEL_LAPLACE, CHEEGER_ISO_KERNEL_GAUSS,
                                           CHEEGER_ISO_KERNEL_INVERSE));

TEST(IsoEdgeInput, ThousandsOfDimensions) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    constexpr std::int64_t d = 3000;
    std::vector<double> points(static_cast<std::size_t>(8 * d));
    for (std::size_t i = 0; i < points.size(); ++i) points[i] = static_cast<double>(i % 13) * (i < 4 * d ? 1.0 : 100.0);
    auto params = iso_params(2);
    params.standardize = 1;
    expect_finite_model(run_iso(context.get(), points, d, params), 2);
}

TEST(IsoEdgeInput, StandardizingAZeroVarianceFeature) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(context) << cheeger_last_error();
    auto params = iso_params(2);
    params.standardize = 1;
    params.full_labels = 1;
    const auto outcome = run_iso(context.get(), {1, 5, 2, 5, 3, 5, 10, 5}, 2, params);
    expect_finite_model(outcome, 2);
    for (const std::int32_t label : outcome.full_labels) {
        EXPECT_GE(label, 0);
        EXPECT_LT(label, 2);
    }
}

TEST(IsoEdgeInput, EveryAllocationOfARunFailsCleanlyInTurnAndTheContextRecovers) {
    std::vector<double> points;
    for (int i = 0; i < 300; ++i) {
        points.push_back(static_cast<double>(i % 17) + (i % 3) * 40.0);
        points.push_back(static_cast<double>(i % 5));
    }
    auto params = iso_params(3);
    params.standardize = 1;
    params.full_labels = 1;
    params.weight = CHEEGER_ISO_WEIGHT_GRAPH;
    auto reference_context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(reference_context) << cheeger_last_error();
    const auto reference = run_iso(reference_context.get(), points, 2, params);
    ASSERT_EQ(reference.status, CHEEGER_STATUS_OK) << cheeger_last_error();

    std::vector<std::string> failures;
    for (std::int64_t successes = 0; successes < 128; ++successes) {
        auto context = make_context(CHEEGER_BACKEND_CPU, 2);  // fresh: every buffer is grown in this call
        ASSERT_TRUE(context) << cheeger_last_error();
        ASSERT_EQ(cheeger_testing_fail_allocation_after(successes), CHEEGER_STATUS_OK);
        const auto failed = run_iso(context.get(), points, 2, params);
        const std::string message = cheeger_last_error();
        ASSERT_EQ(cheeger_testing_fail_allocation_after(-1), CHEEGER_STATUS_OK);
        if (failed.status == CHEEGER_STATUS_OK) break;  // every allocation of the call was made to fail once

        ASSERT_EQ(failed.status, CHEEGER_STATUS_OUT_OF_MEMORY) << message;
        EXPECT_THAT(message, MatchesRegex("cheeger_iso_run: could not allocate [0-9]+ bytes for .+"));
        failures.push_back(message);

        const auto retried = run_iso(context.get(), points, 2, params);
        ASSERT_EQ(retried.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(retried.labels, reference.labels);
        EXPECT_EQ(retried.full_labels, reference.full_labels);
    }
    EXPECT_GE(failures.size(), 8u);
    EXPECT_LT(failures.size(), 128u) << "the run never succeeded: the hook did not disarm";
}

}  // namespace
