// The CUDA k-means against the plain reference of the shared rules (the same tests as the CPU's): the same
// labels and the same bits of centroids and inertia, every kernel specialisation (d = 1..4 and the generic one,
// centroids and deltas in shared or in global memory), partial tiles and chunks, several waves, the hand-worked
// empty-cluster passes, the stop rule; and single precision within its stated tolerance. Every test is skipped,
// with the reason, when the library has no CUDA backend or the machine no device.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "cheeger_testing.h"
#include "context_handle.hpp"
#include "cuda_availability.hpp"
#include "kmeans_call.hpp"
#include "kmeans_reference.hpp"
#include "kmeans_worked_examples.hpp"
#include "same_bits.hpp"
#include "test_data.hpp"

namespace {

using cheeger_test::kmeans_params;
using cheeger_test::make_context;
using cheeger_test::reference_kmeans;
using cheeger_test::run_kmeans;
using cheeger_test::same_bits;

/// The change counts of every pass of the context's last run.
std::vector<std::int64_t> changes_per_pass(cheeger_context context) {
    std::int32_t count = 0;
    EXPECT_EQ(cheeger_kmeans_changes_per_pass(context, nullptr, 0, &count), CHEEGER_STATUS_OK) << cheeger_last_error();
    std::vector<std::int64_t> changes(static_cast<std::size_t>(count));
    EXPECT_EQ(cheeger_kmeans_changes_per_pass(context, changes.data(), count, &count), CHEEGER_STATUS_OK);
    return changes;
}

class CudaKMeans : public ::testing::Test {
protected:
    void SetUp() override {
        CHEEGER_SKIP_WITHOUT_CUDA();
        context_ = make_context(CHEEGER_BACKEND_CUDA, 1);
        ASSERT_TRUE(context_) << cheeger_last_error();
    }

    cheeger_test::context_handle context_;
};

struct shape {
    std::int64_t n;
    std::int64_t d;
    std::int32_t k;
};

void PrintTo(const shape& s, std::ostream* out) { *out << "n=" << s.n << " d=" << s.d << " k=" << s.k; }

class CudaKMeansMatchesReference : public CudaKMeans, public ::testing::WithParamInterface<shape> {};

TEST_P(CudaKMeansMatchesReference, SameBitsAsTheReferenceAndTheCpu) {
    const shape s = GetParam();
    const auto points = cheeger_test::blob_points(s.n, s.d, 6, 1000 + static_cast<std::uint64_t>(s.d));
    std::vector<std::int64_t> rows(static_cast<std::size_t>(s.k));
    ASSERT_EQ(cheeger_kmeans_sample_rows(s.n, s.k, 7, rows.data()), CHEEGER_STATUS_OK) << cheeger_last_error();
    const auto initial = cheeger_test::pick_rows(points, s.d, rows);
    const std::int32_t max_iterations = 25;

    const auto expected = reference_kmeans(points, s.n, s.d, initial, s.k, max_iterations, 0.0, 4096);
    const auto run = run_kmeans(context_.get(), points, s.d, kmeans_params(s.k, max_iterations), initial);
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.info.backend, CHEEGER_BACKEND_CUDA);
    EXPECT_EQ(run.labels, expected.labels);
    EXPECT_TRUE(same_bits(run.centroids, expected.centroids));
    EXPECT_EQ(run.info.iterations, expected.iterations);
    EXPECT_EQ(run.info.last_changes, expected.last_changes);
    EXPECT_TRUE(same_bits(run.info.inertia, expected.inertia)) << run.info.inertia << " vs " << expected.inertia;
    const auto cuda_changes = changes_per_pass(context_.get());

    auto cpu = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(cpu) << cheeger_last_error();
    const auto cpu_run = run_kmeans(cpu.get(), points, s.d, kmeans_params(s.k, max_iterations), initial);
    ASSERT_EQ(cpu_run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(cuda_changes, changes_per_pass(cpu.get()));
    ASSERT_EQ(cuda_changes.size(), static_cast<std::size_t>(run.info.iterations));
    EXPECT_EQ(cuda_changes.back(), run.info.last_changes);
}

// d = 1..4 use the fixed-d kernels, 5 and 13 the generic one (coordinates read from global memory); k = 600 with
// d = 16 puts neither the centroids nor the deltas in shared memory; n = 1, 17, 4096, 12289 cover a partial
// tile, one whole chunk and a partial last chunk.
INSTANTIATE_TEST_SUITE_P(Shapes, CudaKMeansMatchesReference,
                         ::testing::Values(shape{1, 1, 1}, shape{17, 1, 3}, shape{10000, 2, 40},
                                           shape{12289, 3, 5}, shape{9001, 4, 7}, shape{5000, 5, 4},
                                           shape{3000, 13, 9}, shape{4096, 2, 1}, shape{100000, 2, 10},
                                           shape{10000, 16, 600}),
                         [](const ::testing::TestParamInfo<shape>& param_info) {
                             const shape& s = param_info.param;
                             return "n" + std::to_string(s.n) + "_d" + std::to_string(s.d) + "_k" +
                                    std::to_string(s.k);
                         });

TEST_F(CudaKMeans, SeededRunEqualsTheCpuRun) {
    const auto points = cheeger_test::blob_points(30000, 2, 4, 5);
    cheeger_kmeans_params params = kmeans_params(6, 40);
    params.seed = 123456789;
    auto cpu = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(cpu) << cheeger_last_error();
    const auto on_cpu = run_kmeans(cpu.get(), points, 2, params);
    const auto on_cuda = run_kmeans(context_.get(), points, 2, params);
    ASSERT_EQ(on_cpu.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    ASSERT_EQ(on_cuda.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(on_cuda.labels, on_cpu.labels);
    EXPECT_TRUE(same_bits(on_cuda.centroids, on_cpu.centroids));
    EXPECT_TRUE(same_bits(on_cuda.info.inertia, on_cpu.info.inertia));
}

TEST_F(CudaKMeans, WaveSizeDoesNotChangeTheResult) {
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
        const auto run = run_kmeans(context_.get(), points, 3, kmeans_params(6, 20), initial);
        ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(run.labels, expected.labels);
        EXPECT_TRUE(same_bits(run.centroids, expected.centroids));
        EXPECT_TRUE(same_bits(run.info.inertia, expected.inertia));
    }
}

TEST_F(CudaKMeans, ContextReuseAcrossShapesGivesFreshResults) {
    const auto big = cheeger_test::blob_points(20000, 3, 5, 1);
    const auto small = cheeger_test::blob_points(700, 2, 3, 2);
    const std::vector<double> small_initial(small.begin(), small.begin() + 8);
    const auto expected = reference_kmeans(small, 700, 2, small_initial, 4, 30, 0.0, 4096);
    ASSERT_EQ(run_kmeans(context_.get(), big, 3, kmeans_params(12, 30)).status, CHEEGER_STATUS_OK);
    for (int repeat = 0; repeat < 2; ++repeat) {
        const auto run = run_kmeans(context_.get(), small, 2, kmeans_params(4, 30), small_initial);
        ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(run.labels, expected.labels);
        EXPECT_TRUE(same_bits(run.centroids, expected.centroids));
    }
}

TEST_F(CudaKMeans, EmptyClusterPassesMatchTheHandWorkedValues) {
    cheeger_test::expect_empty_cluster_passes(context_.get());
    EXPECT_EQ(changes_per_pass(context_.get()), (std::vector<std::int64_t>{3, 2, 1, 0}));
}

TEST_F(CudaKMeans, ACentroidNoPointEverReachesIsReturnedUnchanged) {
    cheeger_test::expect_unreached_centroid_kept(context_.get());
}

TEST_F(CudaKMeans, StopRuleAsOnTheCpu) {
    cheeger_test::expect_stop_at_one_percent(context_.get());
    cheeger_test::expect_go_on_above_one_percent(context_.get());
    cheeger_test::expect_max_iterations_bound(context_.get());
}

TEST_F(CudaKMeans, ToleranceStopsAsOnTheCpu) {
    const auto points = cheeger_test::blob_points(20000, 2, 5, 3);
    const std::vector<double> initial(points.begin(), points.begin() + 2 * 5);
    auto cpu = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(cpu) << cheeger_last_error();
    const auto on_cpu = run_kmeans(cpu.get(), points, 2, kmeans_params(5, 100, 0.05), initial);
    const auto on_cuda = run_kmeans(context_.get(), points, 2, kmeans_params(5, 100, 0.05), initial);
    ASSERT_EQ(on_cpu.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    ASSERT_EQ(on_cuda.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(on_cuda.info.iterations, on_cpu.info.iterations);
    EXPECT_EQ(on_cuda.labels, on_cpu.labels);
    EXPECT_TRUE(same_bits(on_cuda.centroids, on_cpu.centroids));
}

TEST_F(CudaKMeans, SinglePrecisionStaysWithinItsTolerance) {
    // Stated tolerance (docs/gpu.md): labels may differ from the double run only at near-ties, here at most
    // 0.1 % of the points, and the centroids agree to 1e-4 of the data's scale.
    const std::int64_t n = 50000;
    const auto points = cheeger_test::blob_points(n, 2, 8, 21);
    const std::vector<double> initial(points.begin(), points.begin() + 2 * 8);
    cheeger_kmeans_params single = kmeans_params(8, 50);
    single.precision = CHEEGER_PRECISION_SINGLE;
    const auto on_double = run_kmeans(context_.get(), points, 2, kmeans_params(8, 50), initial);
    const auto on_single = run_kmeans(context_.get(), points, 2, single, initial);
    ASSERT_EQ(on_double.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    ASSERT_EQ(on_single.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    std::int64_t differing = 0;
    for (std::size_t i = 0; i < on_double.labels.size(); ++i) differing += on_double.labels[i] != on_single.labels[i];
    EXPECT_LE(differing, n / 1000);
    for (std::size_t e = 0; e < on_double.centroids.size(); ++e) {
        EXPECT_NEAR(on_single.centroids[e], on_double.centroids[e], 1e-4 * 50.0) << "centroid value " << e;
    }
}

TEST_F(CudaKMeans, SinglePrecisionRefusesValuesBeyondItsRange) {
    std::vector<double> points = cheeger_test::blob_points(100, 2, 2, 4);
    points[37] = 1e30;
    cheeger_kmeans_params single = kmeans_params(2, 10);
    single.precision = CHEEGER_PRECISION_SINGLE;
    const auto run = run_kmeans(context_.get(), points, 2, single, {0, 0, 1, 1});
    EXPECT_EQ(run.status, CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(cheeger_last_error()).find("single precision"), std::string::npos) << cheeger_last_error();
    // The context stays usable.
    const auto fine = run_kmeans(context_.get(), cheeger_test::blob_points(100, 2, 2, 4), 2, kmeans_params(2, 10), {0, 0, 1, 1});
    EXPECT_EQ(fine.status, CHEEGER_STATUS_OK) << cheeger_last_error();
}

TEST_F(CudaKMeans, CapabilitiesDescribeTheDevice) {
    cheeger_capabilities caps{};
    ASSERT_EQ(cheeger_capabilities_get(&caps), CHEEGER_STATUS_OK);
    EXPECT_GT(caps.cuda_device_count, 0);
    EXPECT_GE(caps.cuda_compute_major, 3);
    EXPECT_GT(caps.cuda_total_memory, 0);
    EXPECT_GT(std::strlen(caps.cuda_device_name), 0u);
    cheeger_backend backend = CHEEGER_BACKEND_AUTO;
    ASSERT_EQ(cheeger_context_backend(context_.get(), &backend), CHEEGER_STATUS_OK);
    EXPECT_EQ(backend, CHEEGER_BACKEND_CUDA);
}

// On the emulated device the test hides it, so that the refusal runs there too.
TEST(CudaKMeansAbsent, ACudaContextIsRefusedWithTheReasonWhenThereIsNoCuda) {
    const bool hidden = cheeger_test::cuda_is_emulated();
    if (hidden) {
        ASSERT_EQ(cheeger_testing_set_emulated_device_present(0), CHEEGER_STATUS_OK);
    }
    const std::string why = cheeger_test::why_no_cuda();
    if (why.empty()) GTEST_SKIP() << "a CUDA device is present here; this checks the refusal without one";
    cheeger_context context = nullptr;
    const cheeger_status status = cheeger_context_create(CHEEGER_BACKEND_CUDA, 1, &context);
    const std::string error = cheeger_last_error();
    if (hidden) {
        ASSERT_EQ(cheeger_testing_set_emulated_device_present(1), CHEEGER_STATUS_OK);
    }
    EXPECT_EQ(status, CHEEGER_STATUS_UNSUPPORTED);
    EXPECT_EQ(context, nullptr);
    EXPECT_NE(error.find("CHEEGER_BACKEND_CUDA is unavailable"), std::string::npos) << error;
    cheeger_capabilities caps{};
    ASSERT_EQ(cheeger_capabilities_get(&caps), CHEEGER_STATUS_OK);
    if ((caps.compiled_backends & CHEEGER_BACKEND_FLAG_CUDA) != 0) {
        EXPECT_NE(error.find("CUDA compiled in, no CUDA device"), std::string::npos) << error;
    }
}

}  // namespace
