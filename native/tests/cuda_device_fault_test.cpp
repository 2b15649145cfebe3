// Device failures in every CUDA entry point, on the emulated device (whose runtime can make the n-th device
// allocation or copy fail): each allocation and each copy of a call fails in turn; the call returns
// CHEEGER_STATUS_OUT_OF_MEMORY or CHEEGER_STATUS_DEVICE_ERROR with a message naming the failed CUDA call, and the
// same context then runs the call again with the CPU's result. Skipped, with the reason, on a real device (which
// cannot be made to fail on request) and without CUDA (failed where CHEEGER_REQUIRE_CUDA=1).
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "cheeger_testing.h"
#include "context_handle.hpp"
#include "cuda_availability.hpp"
#include "iso_call.hpp"
#include "kmeans_call.hpp"
#include "test_data.hpp"

namespace {

using cheeger_test::make_context;

/// A call on a context: `run` returns its status; `same_as_cpu` runs it again and compares the result with a CPU
/// context's (computed once).
struct entry_point {
    std::string name;
    std::function<cheeger_status(cheeger_context)> run;
    std::function<bool(cheeger_context)> same_as_cpu;
};

struct device_operation {
    std::int32_t id;
    cheeger_status status;  // what the entry point returns when it fails
    const char* call;       // what its message names
};

const std::vector<device_operation> operations = {
    {CHEEGER_TESTING_DEVICE_ALLOCATION, CHEEGER_STATUS_OUT_OF_MEMORY, "cudaMalloc"},
    {CHEEGER_TESTING_DEVICE_COPY, CHEEGER_STATUS_DEVICE_ERROR, "cudaMemcpyAsync"},
};

const std::vector<double>& points() {
    static const auto value = cheeger_test::blob_points(60, 2, 3, 41);
    return value;
}

cheeger_iso_params iso_with(cheeger_iso_spanning_tree tree) {
    auto params = cheeger_test::iso_params(3);
    params.spanning_tree = tree;
    params.full_labels = 1;
    return params;
}

std::function<bool(cheeger_context)> same_iso_run(cheeger_iso_params params) {
    auto cpu = make_context(CHEEGER_BACKEND_CPU, 1);
    const auto on_cpu = cheeger_test::run_iso(cpu.get(), points(), 2, params);
    return [params, on_cpu](cheeger_context context) {
        const auto on_device = cheeger_test::run_iso(context, points(), 2, params);
        return on_device.status == CHEEGER_STATUS_OK && on_device.labels == on_cpu.labels &&
               on_device.full_labels == on_cpu.full_labels && on_device.parent == on_cpu.parent;
    };
}

std::vector<entry_point> entry_points() {
    const auto kmeans = cheeger_test::kmeans_params(3, 20);
    const std::vector<double> initial(points().begin(), points().begin() + 6);
    auto cpu = make_context(CHEEGER_BACKEND_CPU, 1);
    const auto kmeans_on_cpu = cheeger_test::run_kmeans(cpu.get(), points(), 2, kmeans, initial);
    std::vector<entry_point> result;
    result.push_back({"cheeger_kmeans_run",
                      [=](cheeger_context c) { return cheeger_test::run_kmeans(c, points(), 2, kmeans, initial).status; },
                      [=, on_cpu = kmeans_on_cpu](cheeger_context c) {
                          const auto on_device = cheeger_test::run_kmeans(c, points(), 2, kmeans, initial);
                          return on_device.status == CHEEGER_STATUS_OK && on_device.labels == on_cpu.labels &&
                                 on_device.centroids == on_cpu.centroids;
                      }});
    for (const auto tree : {CHEEGER_ISO_SPANNING_TREE_PRIM, CHEEGER_ISO_SPANNING_TREE_BORUVKA}) {
        const auto params = iso_with(tree);
        result.push_back({"cheeger_iso_run, spanning_tree = " + std::to_string(tree),
                          [=](cheeger_context c) { return cheeger_test::run_iso(c, points(), 2, params).status; },
                          same_iso_run(params)});
    }
    return result;
}

class CudaDeviceFault : public ::testing::Test {
protected:
    void SetUp() override {
        CHEEGER_SKIP_WITHOUT_CUDA();
        if (!cheeger_test::cuda_is_emulated()) GTEST_SKIP() << "a real device cannot be made to fail on request";
    }

    void TearDown() override {
        for (const auto& operation : operations) cheeger_testing_fail_device_operation_after(operation.id, -1);
    }
};

TEST_F(CudaDeviceFault, EveryDeviceAllocationAndCopyFailureIsAStatusAndTheContextRecovers) {
    for (const entry_point& entry : entry_points()) {
        for (const device_operation& operation : operations) {
            int failures = 0;
            // Operation 0, 1, 2, ... of the call fails in turn, on a fresh context each time (buffers only grow).
            for (std::int64_t successes = 0;; ++successes) {
                SCOPED_TRACE(entry.name + ", " + operation.call + " after " + std::to_string(successes));
                ASSERT_LT(successes, 200) << "the call never ran through";
                auto context = make_context(CHEEGER_BACKEND_CUDA, 1);
                ASSERT_TRUE(context) << cheeger_last_error();
                ASSERT_EQ(cheeger_testing_fail_device_operation_after(operation.id, successes), CHEEGER_STATUS_OK);
                const cheeger_status status = entry.run(context.get());
                const std::string error = cheeger_last_error();
                ASSERT_EQ(cheeger_testing_fail_device_operation_after(operation.id, -1), CHEEGER_STATUS_OK);
                if (status == CHEEGER_STATUS_OK) break;  // the call has fewer operations than that
                ++failures;
                EXPECT_EQ(status, operation.status) << error;
                EXPECT_NE(error.find(operation.call), std::string::npos) << error;
                EXPECT_TRUE(entry.same_as_cpu(context.get())) << "after the failure: " << cheeger_last_error();
            }
            EXPECT_GT(failures, 0) << entry.name << " makes no " << operation.call;
        }
    }
}

TEST(CudaDeviceFaultHook, IsRefusedOrAcceptedAsTheBuildSays) {
    const cheeger_status status = cheeger_testing_fail_device_operation_after(CHEEGER_TESTING_DEVICE_ALLOCATION, -1);
    EXPECT_EQ(status, cheeger_test::cuda_is_emulated() ? CHEEGER_STATUS_OK : CHEEGER_STATUS_UNSUPPORTED)
        << cheeger_last_error();
    EXPECT_EQ(cheeger_testing_fail_device_operation_after(7, 0), CHEEGER_STATUS_INVALID_ARGUMENT);
}

}  // namespace
