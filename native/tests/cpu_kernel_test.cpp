// The distance-kernel family: the widest the CPU has, or the one CHEEGER_CPU_KERNEL names. ctest runs the k-means
// tests once per family (CMakeLists.txt), so every family is checked bit for bit against the reference.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "cheeger_testing.h"
#include "context_handle.hpp"
#include "kmeans_call.hpp"

namespace {

std::string widest_family() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (__builtin_cpu_supports("avx512f")) return "avx512";
    if (__builtin_cpu_supports("avx2")) return "avx2";
#endif
    return "scalar";
}

TEST(CpuKernel, IsTheWidestOrTheRequestedOne) {
    const char* requested = std::getenv("CHEEGER_CPU_KERNEL");
    const char* expected_failure = std::getenv("CHEEGER_EXPECT_KERNEL_UNAVAILABLE");
    const char* name = nullptr;
    ASSERT_EQ(cheeger_testing_cpu_kernel(&name), CHEEGER_STATUS_OK);
    ASSERT_NE(name, nullptr);
    if (expected_failure != nullptr) {
        auto context = cheeger_test::make_context(CHEEGER_BACKEND_CPU, 1);
        ASSERT_TRUE(context) << cheeger_last_error();
        const auto run = cheeger_test::run_kmeans(context.get(), {0, 0, 1, 1}, 2, cheeger_test::kmeans_params(1));
        EXPECT_EQ(run.status, CHEEGER_STATUS_UNSUPPORTED);
        EXPECT_THAT(std::string(cheeger_last_error()),
                    ::testing::HasSubstr(std::string("cheeger_kmeans_run: CHEEGER_CPU_KERNEL=") + requested +
                                         " is not available here (this build and CPU offer: scalar"));
    } else if (requested != nullptr && *requested != '\0') {
        EXPECT_EQ(std::string(name), requested);
    } else {
        EXPECT_EQ(std::string(name), widest_family());
    }
}

}  // namespace
