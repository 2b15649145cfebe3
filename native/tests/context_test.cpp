// Contexts: created and destroyed in pairs, counted, AUTO resolved, CUDA refused with a reason when absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "cheeger.h"
#include "context_handle.hpp"

namespace {

using ::testing::HasSubstr;

bool cuda_device_present() {
    cheeger_capabilities caps{};
    return cheeger_capabilities_get(&caps) == CHEEGER_STATUS_OK &&
           (caps.compiled_backends & CHEEGER_BACKEND_FLAG_CUDA) != 0 && caps.cuda_device_count > 0;
}

TEST(Context, CreateAndDestroyInPairsTrackTheLiveCount) {
    const std::int64_t before = cheeger_live_context_count();
    std::vector<cheeger_context> contexts(3, nullptr);
    for (std::size_t i = 0; i < contexts.size(); ++i) {
        ASSERT_EQ(cheeger_context_create(CHEEGER_BACKEND_CPU, 1, &contexts[i]), CHEEGER_STATUS_OK)
            << cheeger_last_error();
        ASSERT_NE(contexts[i], nullptr);
        EXPECT_EQ(cheeger_live_context_count(), before + static_cast<std::int64_t>(i) + 1);
    }
    for (std::size_t i = 0; i < contexts.size(); ++i) {
        ASSERT_EQ(cheeger_context_destroy(contexts[i]), CHEEGER_STATUS_OK);
        EXPECT_EQ(cheeger_live_context_count(), before + 2 - static_cast<std::int64_t>(i));
    }
}

TEST(Context, LiveCountIsExactUnderConcurrentCreateAndDestroy) {
    const std::int64_t before = cheeger_live_context_count();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([] {
            for (int i = 0; i < 25; ++i) {
                cheeger_context context = nullptr;
                if (cheeger_context_create(CHEEGER_BACKEND_CPU, 2, &context) == CHEEGER_STATUS_OK) {
                    cheeger_context_destroy(context);
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(cheeger_live_context_count(), before);
}

TEST(Context, DestroyNullDoesNothing) {
    const std::int64_t before = cheeger_live_context_count();
    EXPECT_EQ(cheeger_context_destroy(nullptr), CHEEGER_STATUS_OK);
    EXPECT_EQ(cheeger_live_context_count(), before);
}

TEST(Context, ThreadCountIsHonouredAndZeroMeansEveryHardwareThread) {
    for (int threads : {1, 2, 3, 8}) {
        auto context = cheeger_test::make_context(CHEEGER_BACKEND_CPU, threads);
        ASSERT_TRUE(context) << cheeger_last_error();
        std::int32_t actual = 0;
        ASSERT_EQ(cheeger_context_threads(context.get(), &actual), CHEEGER_STATUS_OK);
        EXPECT_EQ(actual, threads);
    }
    cheeger_capabilities caps{};
    ASSERT_EQ(cheeger_capabilities_get(&caps), CHEEGER_STATUS_OK);
    auto all = cheeger_test::make_context(CHEEGER_BACKEND_CPU, 0);
    ASSERT_TRUE(all) << cheeger_last_error();
    std::int32_t actual = 0;
    ASSERT_EQ(cheeger_context_threads(all.get(), &actual), CHEEGER_STATUS_OK);
    EXPECT_EQ(actual, caps.hardware_threads > 0 ? caps.hardware_threads : 1);
}

TEST(Context, CpuBackendIsCpu) {
    auto context = cheeger_test::make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(context) << cheeger_last_error();
    cheeger_backend backend = CHEEGER_BACKEND_AUTO;
    ASSERT_EQ(cheeger_context_backend(context.get(), &backend), CHEEGER_STATUS_OK);
    EXPECT_EQ(backend, CHEEGER_BACKEND_CPU);
}

TEST(Context, AutoResolvesToCudaOnlyWhenADeviceIsUsable) {
    auto context = cheeger_test::make_context(CHEEGER_BACKEND_AUTO, 1);
    ASSERT_TRUE(context) << cheeger_last_error();
    cheeger_backend backend = CHEEGER_BACKEND_AUTO;
    ASSERT_EQ(cheeger_context_backend(context.get(), &backend), CHEEGER_STATUS_OK);
    EXPECT_EQ(backend, cuda_device_present() ? CHEEGER_BACKEND_CUDA : CHEEGER_BACKEND_CPU);
}

TEST(Context, CudaWithoutCudaIsUnsupportedWithTheReason) {
    cheeger_capabilities caps{};
    ASSERT_EQ(cheeger_capabilities_get(&caps), CHEEGER_STATUS_OK);
    if ((caps.compiled_backends & CHEEGER_BACKEND_FLAG_CUDA) != 0) {
        GTEST_SKIP() << "this build has CUDA compiled in";
    }
    const std::int64_t before = cheeger_live_context_count();
    cheeger_context context = reinterpret_cast<cheeger_context>(0x1);
    EXPECT_EQ(cheeger_context_create(CHEEGER_BACKEND_CUDA, 1, &context), CHEEGER_STATUS_UNSUPPORTED);
    EXPECT_EQ(context, nullptr);
    EXPECT_EQ(cheeger_live_context_count(), before);
    EXPECT_THAT(std::string(cheeger_last_error()),
                HasSubstr("cheeger_context_create: CHEEGER_BACKEND_CUDA is unavailable: the CUDA backend is not "
                          "compiled into this library"));
}

TEST(Context, BadArguments) {
    cheeger_context context = nullptr;
    EXPECT_EQ(cheeger_context_create(CHEEGER_BACKEND_CPU, 1, nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_context_create: out is NULL");

    // 3 is the one value outside the enumerators that C++ can hold in cheeger_backend; C callers can pass any
    // int, which c_api_smoke.c checks.
    EXPECT_EQ(cheeger_context_create(static_cast<cheeger_backend>(3), 1, &context), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()),
              "cheeger_context_create: backend = 3 is not a cheeger_backend value (AUTO = 0, CPU = 1, CUDA = 2)");

    EXPECT_EQ(cheeger_context_create(CHEEGER_BACKEND_CPU, -2, &context), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()),
              "cheeger_context_create: threads = -2 must be >= 0 (0 = every hardware thread)");

    EXPECT_EQ(cheeger_context_create(CHEEGER_BACKEND_CPU, 5000, &context), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_context_create: threads = 5000 exceeds the limit of 4096");
    EXPECT_EQ(context, nullptr);

    cheeger_backend backend;
    EXPECT_EQ(cheeger_context_backend(nullptr, &backend), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_context_backend: context is NULL");
    std::int32_t threads;
    EXPECT_EQ(cheeger_context_threads(nullptr, &threads), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_context_threads: context is NULL");

    auto valid = cheeger_test::make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(valid);
    EXPECT_EQ(cheeger_context_backend(valid.get(), nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_context_backend: out is NULL");
    EXPECT_EQ(cheeger_context_threads(valid.get(), nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_context_threads: out is NULL");
}

TEST(Context, ConcurrentCallsOnOneContextAreSerialisedAndCorrect) {
    auto context = cheeger_test::make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    const std::vector<double> points = {0, 1, 2, 1, 3, 1, 10, 1, 11, 1};
    const std::vector<double> initial = {0, 1, 2, 1};
    std::vector<std::thread> callers;
    std::vector<int> ok(4, 0);
    for (std::size_t t = 0; t < ok.size(); ++t) {
        callers.emplace_back([&, t] {
            cheeger_kmeans_params params{};
            cheeger_kmeans_params_default(&params);
            params.k = 2;
            for (int repeat = 0; repeat < 20; ++repeat) {
                std::vector<std::int32_t> labels(5);
                std::vector<double> centroids(4);
                const cheeger_status status = cheeger_kmeans_run(context.get(), points.data(), 5, 2, &params,
                                                                 initial.data(), labels.data(), centroids.data(),
                                                                 nullptr);
                if (status != CHEEGER_STATUS_OK || labels != std::vector<std::int32_t>{0, 0, 0, 1, 1}) return;
            }
            ok[t] = 1;
        });
    }
    for (auto& caller : callers) caller.join();
    EXPECT_EQ(ok, (std::vector<int>{1, 1, 1, 1}));
}

}  // namespace
