// cheeger_kmeans_changes_per_pass: the change count of every pass of the context's last k-means run.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "context_handle.hpp"
#include "kmeans_call.hpp"

namespace {

using cheeger_test::kmeans_params;
using cheeger_test::make_context;
using cheeger_test::run_kmeans;

// The worked example of kmeans_empty_cluster_test.cpp: 3, 2, 1 and 0 changes.
const std::vector<double> points = {0, 0, 5, 0, 2, 1};
const std::vector<double> initial = {6, 2, 6, 0, 6, 1};

TEST(KMeansChangesPerPass, OneCountPerPassOfTheLastRun) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    std::int32_t count = -1;
    ASSERT_EQ(cheeger_kmeans_changes_per_pass(context.get(), nullptr, 0, &count), CHEEGER_STATUS_OK);
    EXPECT_EQ(count, 0) << "no run yet";

    const auto run = run_kmeans(context.get(), points, 2, kmeans_params(3), initial);
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    std::vector<std::int64_t> changes(8, -1);
    ASSERT_EQ(cheeger_kmeans_changes_per_pass(context.get(), changes.data(), 8, &count), CHEEGER_STATUS_OK);
    ASSERT_EQ(count, 4);
    EXPECT_EQ(changes, (std::vector<std::int64_t>{3, 2, 1, 0, -1, -1, -1, -1}));
    EXPECT_EQ(changes[static_cast<std::size_t>(count - 1)], run.info.last_changes);

    // A smaller buffer receives the first counts and still learns how many there are.
    std::vector<std::int64_t> first_two(2, -1);
    ASSERT_EQ(cheeger_kmeans_changes_per_pass(context.get(), first_two.data(), 2, &count), CHEEGER_STATUS_OK);
    EXPECT_EQ(count, 4);
    EXPECT_EQ(first_two, (std::vector<std::int64_t>{3, 2}));

    // The next run replaces them.
    ASSERT_EQ(run_kmeans(context.get(), points, 2, kmeans_params(3, 2), initial).status, CHEEGER_STATUS_OK);
    ASSERT_EQ(cheeger_kmeans_changes_per_pass(context.get(), changes.data(), 8, &count), CHEEGER_STATUS_OK);
    EXPECT_EQ(count, 2);
}

TEST(KMeansChangesPerPass, ARefusedCallKeepsTheLastRunsCounts) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(context) << cheeger_last_error();
    ASSERT_EQ(run_kmeans(context.get(), points, 2, kmeans_params(3), initial).status, CHEEGER_STATUS_OK);
    EXPECT_EQ(run_kmeans(context.get(), points, 2, kmeans_params(4), {}).status, CHEEGER_STATUS_INVALID_ARGUMENT);
    std::int32_t count = -1;
    ASSERT_EQ(cheeger_kmeans_changes_per_pass(context.get(), nullptr, 0, &count), CHEEGER_STATUS_OK);
    EXPECT_EQ(count, 4) << "a call refused before it starts does not touch the last run's counts";
}

TEST(KMeansChangesPerPass, BadArgumentsAreNamed) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(context) << cheeger_last_error();
    std::int32_t count = 0;
    std::int64_t change = 0;
    EXPECT_EQ(cheeger_kmeans_changes_per_pass(nullptr, &change, 1, &count), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_kmeans_changes_per_pass: context is NULL");
    EXPECT_EQ(cheeger_kmeans_changes_per_pass(context.get(), &change, 1, nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_kmeans_changes_per_pass: count_out is NULL");
    EXPECT_EQ(cheeger_kmeans_changes_per_pass(context.get(), nullptr, 1, &count), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_kmeans_changes_per_pass: changes_out is NULL");
    EXPECT_EQ(cheeger_kmeans_changes_per_pass(context.get(), &change, -1, &count), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_kmeans_changes_per_pass: capacity = -1 must be >= 0");
}

}  // namespace
