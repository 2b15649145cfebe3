// The library's pass (vectorised kernel, chunks on a thread pool) against the plain reference of the shared
// rules: the same labels and the same bits for every thread count, every kernel specialisation (d = 1..4 and the
// generic one), partial blocks and chunks, and several waves.
#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <tuple>
#include <vector>

#include "context_handle.hpp"
#include "kmeans_call.hpp"
#include "kmeans_reference.hpp"
#include "cheeger_testing.h"
#include "same_bits.hpp"
#include "test_data.hpp"

namespace {

using cheeger_test::kmeans_params;
using cheeger_test::make_context;
using cheeger_test::reference_kmeans;
using cheeger_test::run_kmeans;
using cheeger_test::same_bits;

struct shape {
    std::int64_t n;
    std::int64_t d;
    std::int32_t k;
};

void PrintTo(const shape& s, std::ostream* out) { *out << "n=" << s.n << " d=" << s.d << " k=" << s.k; }

class KMeansMatchesReference : public ::testing::TestWithParam<shape> {};

TEST_P(KMeansMatchesReference, SameBitsForThreads1_2_3_8) {
    const shape s = GetParam();
    const auto points = cheeger_test::blob_points(s.n, s.d, 6, 1000 + static_cast<std::uint64_t>(s.d));
    std::vector<std::int64_t> rows(static_cast<std::size_t>(s.k));
    ASSERT_EQ(cheeger_kmeans_sample_rows(s.n, s.k, 7, rows.data()), CHEEGER_STATUS_OK) << cheeger_last_error();
    const auto initial = cheeger_test::pick_rows(points, s.d, rows);
    const std::int32_t max_iterations = 25;

    const auto expected = reference_kmeans(points, s.n, s.d, initial, s.k, max_iterations, 0.0, 4096);
    for (int threads : {1, 2, 3, 8}) {
        SCOPED_TRACE(testing::Message() << "threads " << threads);
        auto context = make_context(CHEEGER_BACKEND_CPU, threads);
        ASSERT_TRUE(context) << cheeger_last_error();
        const auto run = run_kmeans(context.get(), points, s.d, kmeans_params(s.k, max_iterations), initial);
        ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(run.labels, expected.labels);
        EXPECT_TRUE(same_bits(run.centroids, expected.centroids));
        EXPECT_EQ(run.info.iterations, expected.iterations);
        EXPECT_EQ(run.info.last_changes, expected.last_changes);
        EXPECT_TRUE(same_bits(run.info.inertia, expected.inertia))
            << run.info.inertia << " vs " << expected.inertia;
    }
}

INSTANTIATE_TEST_SUITE_P(Shapes, KMeansMatchesReference,
                         ::testing::Values(shape{1, 1, 1}, shape{17, 1, 3}, shape{10000, 2, 40},
                                           shape{12289, 3, 5}, shape{9001, 4, 7}, shape{5000, 5, 4},
                                           shape{3000, 13, 9}, shape{4096, 2, 1}),
                         [](const ::testing::TestParamInfo<shape>& param_info) {
                             const shape& s = param_info.param;
                             return "n" + std::to_string(s.n) + "_d" + std::to_string(s.d) + "_k" +
                                    std::to_string(s.k);
                         });

TEST(KMeansMatchesReference, SeededRunEqualsRunFromTheSampledRows) {
    const auto points = cheeger_test::blob_points(3000, 2, 4, 5);
    cheeger_kmeans_params params = kmeans_params(6, 40);
    params.seed = 123456789;
    std::vector<std::int64_t> rows(6);
    ASSERT_EQ(cheeger_kmeans_sample_rows(3000, 6, params.seed, rows.data()), CHEEGER_STATUS_OK);
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto seeded = run_kmeans(context.get(), points, 2, params);
    const auto explicit_rows = run_kmeans(context.get(), points, 2, params, cheeger_test::pick_rows(points, 2, rows));
    ASSERT_EQ(seeded.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    ASSERT_EQ(explicit_rows.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(seeded.labels, explicit_rows.labels);
    EXPECT_TRUE(same_bits(seeded.centroids, explicit_rows.centroids));
}

TEST(KMeansMatchesReference, StudySerialRuleGivesTheSameLabels) {
    // The study updates the sums point by point; the chunked rule rounds differently in the last bits of the
    // centroids, which must not change any label on data without near-ties.
    const std::int64_t n = 20000;
    const auto points = cheeger_test::blob_points(n, 2, 5, 99);
    std::vector<std::int64_t> rows(5);
    ASSERT_EQ(cheeger_kmeans_sample_rows(n, 5, 3, rows.data()), CHEEGER_STATUS_OK);
    const auto initial = cheeger_test::pick_rows(points, 2, rows);
    const auto serial = reference_kmeans(points, n, 2, initial, 5, 100, 0.0, 0);
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto run = run_kmeans(context.get(), points, 2, kmeans_params(5, 100), initial);
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.labels, serial.labels);
    EXPECT_EQ(run.info.iterations, serial.iterations);
    for (std::size_t i = 0; i < serial.centroids.size(); ++i) {
        EXPECT_NEAR(run.centroids[i], serial.centroids[i], 1e-9 * (1.0 + std::abs(serial.centroids[i])));
    }
    EXPECT_NEAR(run.info.inertia, serial.inertia, 1e-9 * serial.inertia);
}

TEST(KMeansMatchesReference, ContextReuseAcrossShapesGivesFreshResults) {
    // Buffers are reused across calls: a big run followed by a small one must not see stale state.
    auto context = make_context(CHEEGER_BACKEND_CPU, 3);
    ASSERT_TRUE(context) << cheeger_last_error();
    const auto big = cheeger_test::blob_points(20000, 3, 5, 1);
    const auto small = cheeger_test::blob_points(700, 2, 3, 2);
    const std::vector<double> small_initial(small.begin(), small.begin() + 8);
    const auto expected = reference_kmeans(small, 700, 2, small_initial, 4, 30, 0.0, 4096);
    ASSERT_EQ(run_kmeans(context.get(), big, 3, kmeans_params(12, 30)).status, CHEEGER_STATUS_OK);
    for (int repeat = 0; repeat < 2; ++repeat) {
        const auto run = run_kmeans(context.get(), small, 2, kmeans_params(4, 30), small_initial);
        ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(run.labels, expected.labels);
        EXPECT_TRUE(same_bits(run.centroids, expected.centroids));
    }
}

}  // namespace

namespace {

TEST(KMeansMatchesReference, WaveSizeDoesNotChangeTheResult) {
    const std::int64_t n = 30000;  // 8 chunks
    const auto points = cheeger_test::blob_points(n, 3, 5, 11);
    const std::vector<double> initial(points.begin(), points.begin() + 3 * 6);
    const auto expected = reference_kmeans(points, n, 3, initial, 6, 20, 0.0, 4096);
    struct reset_wave_size {
        ~reset_wave_size() { cheeger_testing_set_kmeans_wave_chunks(0); }
    } reset;
    for (std::int64_t wave : {1, 3, 8}) {
        SCOPED_TRACE(testing::Message() << "chunks per wave " << wave);
        ASSERT_EQ(cheeger_testing_set_kmeans_wave_chunks(wave), CHEEGER_STATUS_OK);
        auto context = make_context(CHEEGER_BACKEND_CPU, 2);
        ASSERT_TRUE(context) << cheeger_last_error();
        const auto run = run_kmeans(context.get(), points, 3, kmeans_params(6, 20), initial);
        ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(run.labels, expected.labels);
        EXPECT_TRUE(same_bits(run.centroids, expected.centroids));
        EXPECT_TRUE(same_bits(run.info.inertia, expected.inertia));
    }
}

}  // namespace
