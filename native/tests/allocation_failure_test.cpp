// Out of memory is a status with the bytes needed, never a crash, and the context stays usable. The test hook of
// cheeger_testing.h makes the next buffer allocation of the calling thread fail.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "cheeger_testing.h"
#include "context_handle.hpp"
#include "kmeans_call.hpp"
#include "test_data.hpp"

namespace {

using cheeger_test::kmeans_params;
using cheeger_test::make_context;
using cheeger_test::run_kmeans;
using ::testing::MatchesRegex;

TEST(AllocationFailure, KMeansReportsOutOfMemoryWithTheBytesAndRecovers) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto points = cheeger_test::blob_points(5000, 2, 3, 4);
    const std::vector<double> initial(points.begin(), points.begin() + 8);

    ASSERT_EQ(cheeger_testing_fail_next_allocation(), CHEEGER_STATUS_OK);
    const auto failed = run_kmeans(context.get(), points, 2, kmeans_params(4, 10), initial);
    EXPECT_EQ(failed.status, CHEEGER_STATUS_OUT_OF_MEMORY);
    // The first buffer a fresh context grows: the k x d centroids, 4 x 2 doubles.
    EXPECT_EQ(std::string(cheeger_last_error()),
              "cheeger_kmeans_run: could not allocate 64 bytes for the k-means centroids");

    const auto retried = run_kmeans(context.get(), points, 2, kmeans_params(4, 10), initial);
    EXPECT_EQ(retried.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(std::string(cheeger_last_error()), "");
}

TEST(AllocationFailure, RepeatedRunsOfTheSameSizeAllocateNothing) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto points = cheeger_test::blob_points(9000, 3, 3, 8);
    const std::vector<double> initial(points.begin(), points.begin() + 15);
    ASSERT_EQ(run_kmeans(context.get(), points, 3, kmeans_params(5, 20), initial).status, CHEEGER_STATUS_OK);

    // Armed, but the second run of the same shape reuses every buffer, so the hook does not fire...
    ASSERT_EQ(cheeger_testing_fail_next_allocation(), CHEEGER_STATUS_OK);
    EXPECT_EQ(run_kmeans(context.get(), points, 3, kmeans_params(5, 20), initial).status, CHEEGER_STATUS_OK)
        << cheeger_last_error();
    // ...until a larger run has to grow one.
    const std::vector<double> more_initial(points.begin(), points.begin() + 30);
    const auto grown = run_kmeans(context.get(), points, 3, kmeans_params(10, 20), more_initial);
    EXPECT_EQ(grown.status, CHEEGER_STATUS_OUT_OF_MEMORY);
    EXPECT_THAT(std::string(cheeger_last_error()), MatchesRegex("cheeger_kmeans_run: could not allocate [0-9]+ "
                                                                "bytes for the k-means .*"));
}

TEST(AllocationFailure, SamplerReportsOutOfMemory) {
    std::vector<std::int64_t> rows(3);
    ASSERT_EQ(cheeger_testing_fail_next_allocation(), CHEEGER_STATUS_OK);
    EXPECT_EQ(cheeger_kmeans_sample_rows(10, 3, 0, rows.data()), CHEEGER_STATUS_OUT_OF_MEMORY);
    EXPECT_EQ(std::string(cheeger_last_error()),
              "cheeger_kmeans_sample_rows: could not allocate 80 bytes for the row index of the sampler");
    EXPECT_EQ(cheeger_kmeans_sample_rows(10, 3, 0, rows.data()), CHEEGER_STATUS_OK);
    EXPECT_EQ(rows, (std::vector<std::int64_t>{8, 4, 2}));
}

TEST(AllocationFailure, TheHookIsPerThread) {
    ASSERT_EQ(cheeger_testing_fail_next_allocation(), CHEEGER_STATUS_OK);
    cheeger_status other = CHEEGER_STATUS_INTERNAL_ERROR;
    std::thread([&] {
        std::vector<std::int64_t> rows(3);
        other = cheeger_kmeans_sample_rows(10, 3, 0, rows.data());
    }).join();
    EXPECT_EQ(other, CHEEGER_STATUS_OK);
    std::vector<std::int64_t> rows(3);
    EXPECT_EQ(cheeger_kmeans_sample_rows(10, 3, 0, rows.data()), CHEEGER_STATUS_OUT_OF_MEMORY);
}

TEST(AllocationFailure, EveryAllocationOfARunFailsCleanlyInTurnAndTheContextRecovers) {
    const auto points = cheeger_test::blob_points(9000, 3, 4, 7);
    auto reference_context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(reference_context) << cheeger_last_error();
    const auto reference = run_kmeans(reference_context.get(), points, 3, kmeans_params(5, 20));
    ASSERT_EQ(reference.status, CHEEGER_STATUS_OK) << cheeger_last_error();

    std::vector<std::string> failures;
    for (std::int64_t successes = 0; successes < 64; ++successes) {
        auto context = make_context(CHEEGER_BACKEND_CPU, 2);  // fresh: every buffer is grown in this call
        ASSERT_TRUE(context) << cheeger_last_error();
        ASSERT_EQ(cheeger_testing_fail_allocation_after(successes), CHEEGER_STATUS_OK);
        const auto failed = run_kmeans(context.get(), points, 3, kmeans_params(5, 20));
        const std::string message = cheeger_last_error();
        ASSERT_EQ(cheeger_testing_fail_allocation_after(-1), CHEEGER_STATUS_OK);
        if (failed.status == CHEEGER_STATUS_OK) break;  // fewer allocations than `successes`: every one was tried

        ASSERT_EQ(failed.status, CHEEGER_STATUS_OUT_OF_MEMORY) << message;
        EXPECT_THAT(message, MatchesRegex("cheeger_kmeans_run: could not allocate [0-9]+ bytes for the k-means .+"));
        failures.push_back(message);

        // The same context runs the same call afterwards and gives the reference's answer.
        const auto retried = run_kmeans(context.get(), points, 3, kmeans_params(5, 20));
        ASSERT_EQ(retried.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(retried.labels, reference.labels);
        EXPECT_EQ(retried.centroids, reference.centroids);
    }
    // Every buffer of the workspace (centroids, sums, counts, deltas, tiles, sampled rows, ...) was made to fail.
    EXPECT_GE(failures.size(), 8u);
    EXPECT_LT(failures.size(), 64u) << "the run never succeeded: the hook did not disarm";
}

}  // namespace
