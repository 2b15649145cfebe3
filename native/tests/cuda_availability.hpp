// Whether the CUDA tests can run here, and what to do when they cannot: skip with the reason, or fail where
// CHEEGER_REQUIRE_CUDA=1 says CUDA must be there (the emulated device's runs, GPU machines).
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "cheeger.h"

namespace cheeger_test {

/// Empty when the library has CUDA compiled in and the machine has a device; otherwise the reason.
inline std::string why_no_cuda() {
    cheeger_capabilities caps{};
    if (cheeger_capabilities_get(&caps) != CHEEGER_STATUS_OK) return cheeger_last_error();
    if ((caps.compiled_backends & CHEEGER_BACKEND_FLAG_CUDA) == 0) {
        return "libcheeger was built without CUDA (no CUDA compiler at configure time)";
    }
    if (caps.cuda_device_count == 0) return "libcheeger has CUDA compiled in, but this machine has no CUDA device";
    return "";
}

/// True where CHEEGER_REQUIRE_CUDA=1: a CUDA test that cannot run fails instead of skipping.
inline bool cuda_required() {
    const char* value = std::getenv("CHEEGER_REQUIRE_CUDA");
    return value != nullptr && std::strcmp(value, "1") == 0;
}

/// True when the CUDA device is the emulated one (the simt build runs the kernels on the CPU).
inline bool cuda_is_emulated() {
    cheeger_capabilities caps{};
    return cheeger_capabilities_get(&caps) == CHEEGER_STATUS_OK && caps.cuda_device_count > 0 &&
           std::strstr(caps.cuda_device_name, "emulation") != nullptr;
}

/// Points for a test that a GPU does at `gpu_points`: fewer on the emulated device, whose kernels run on the CPU
/// (never fewer than `emulated_points`).
inline std::int64_t points_for_device(std::int64_t gpu_points, std::int64_t emulated_points) {
    return cuda_is_emulated() ? emulated_points : gpu_points;
}

}  // namespace cheeger_test

/// In a test or SetUp: skips (or, where CUDA is required, fails) when CUDA cannot run here.
#define CHEEGER_SKIP_WITHOUT_CUDA()                                             \
    do {                                                                        \
        const std::string why_no_cuda_here = ::cheeger_test::why_no_cuda();     \
        if (!why_no_cuda_here.empty()) {                                        \
            if (::cheeger_test::cuda_required()) FAIL() << why_no_cuda_here;    \
            GTEST_SKIP() << why_no_cuda_here;                                   \
        }                                                                       \
    } while (false)
