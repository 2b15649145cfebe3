// Version and capabilities.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <thread>

#include "cheeger.h"

namespace {

TEST(Version, MatchesTheHeader) {
    std::int32_t major = -1;
    std::int32_t minor = -1;
    std::int32_t patch = -1;
    ASSERT_EQ(cheeger_version_get(&major, &minor, &patch), CHEEGER_STATUS_OK);
    EXPECT_EQ(major, CHEEGER_VERSION_MAJOR);
    EXPECT_EQ(minor, CHEEGER_VERSION_MINOR);
    EXPECT_EQ(patch, CHEEGER_VERSION_PATCH);
}

TEST(Version, EachNullPointerIsNamed) {
    std::int32_t value = 0;
    EXPECT_EQ(cheeger_version_get(&value, nullptr, &value), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_version_get: minor is NULL");
    EXPECT_EQ(cheeger_version_get(&value, &value, nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_version_get: patch is NULL");
}

TEST(Capabilities, CpuIsAlwaysCompiledAndThreadsAreReported) {
    cheeger_capabilities caps;
    std::memset(&caps, 0xAB, sizeof caps);
    ASSERT_EQ(cheeger_capabilities_get(&caps), CHEEGER_STATUS_OK);
    EXPECT_NE(caps.compiled_backends & CHEEGER_BACKEND_FLAG_CPU, 0u);
    EXPECT_EQ(caps.compiled_backends & ~static_cast<std::uint32_t>(CHEEGER_BACKEND_FLAG_CPU | CHEEGER_BACKEND_FLAG_CUDA),
              0u);
    EXPECT_EQ(caps.hardware_threads, static_cast<std::int32_t>(std::thread::hardware_concurrency()));
    EXPECT_EQ(caps.reserved, 0);
    EXPECT_LT(std::strlen(caps.cuda_device_name), sizeof caps.cuda_device_name);
}

TEST(Capabilities, CudaFieldsAreEmptyWithoutADevice) {
    cheeger_capabilities caps{};
    ASSERT_EQ(cheeger_capabilities_get(&caps), CHEEGER_STATUS_OK);
    if ((caps.compiled_backends & CHEEGER_BACKEND_FLAG_CUDA) != 0 && caps.cuda_device_count > 0) {
        EXPECT_GT(caps.cuda_compute_major, 0);
        EXPECT_GT(caps.cuda_total_memory, 0);
        EXPECT_GT(std::strlen(caps.cuda_device_name), 0u);
        return;
    }
    EXPECT_EQ(caps.cuda_device_count, 0);
    EXPECT_EQ(caps.cuda_compute_major, 0);
    EXPECT_EQ(caps.cuda_compute_minor, 0);
    EXPECT_EQ(caps.cuda_total_memory, 0);
    EXPECT_STREQ(caps.cuda_device_name, "");
}

}  // namespace
