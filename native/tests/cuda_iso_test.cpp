// The CUDA isoperimetric stages against the CPU's: Prim's and Boruvka's trees against the plain reference Prim, and whole runs
// (tree, probes, costs, labels, full labels) and partitions equal to a CPU context's, bit for bit, for every model
// option on data full of duplicates and ties. Skipped, with the reason, without a CUDA backend or device
// (failed where CHEEGER_REQUIRE_CUDA=1).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "context_handle.hpp"
#include "cuda_availability.hpp"
#include "iso_call.hpp"
#include "iso_expectations.hpp"
#include "iso_reference.hpp"
#include "test_data.hpp"

namespace {

using cheeger_test::expect_same_run;
using cheeger_test::iso_outcome;
using cheeger_test::iso_params;
using cheeger_test::make_context;
using cheeger_test::run_iso;

using data_set = cheeger_test::named_points;

std::vector<data_set> data_sets() {
    auto sets = cheeger_test::tie_heavy_points();
    // Past CHEEGER_ISO_BORUVKA_MIN_POINTS (AUTO picks Boruvka on CUDA), and more than one block of every kernel.
    const std::int64_t n = cheeger_test::points_for_device(20000, 4000);
    sets.push_back({"blobs n=" + std::to_string(n), cheeger_test::blob_points(n, 2, 8, 29), 2});
    return sets;
}

class CudaIso : public ::testing::Test {
protected:
    void SetUp() override {
        CHEEGER_SKIP_WITHOUT_CUDA();
        context_ = make_context(CHEEGER_BACKEND_CUDA, 2);
        ASSERT_TRUE(context_) << cheeger_last_error();
        cpu_ = make_context(CHEEGER_BACKEND_CPU, 2);
        ASSERT_TRUE(cpu_) << cheeger_last_error();
    }

    cheeger_test::context_handle context_;
    cheeger_test::context_handle cpu_;
};

TEST_F(CudaIso, PrimEqualsTheReferencePrim) {
    for (const data_set& data : data_sets()) {
        SCOPED_TRACE(data.name);
        const auto reference = cheeger_test::reference_prim(data.points, data.d);
        const std::size_t n = reference.parent.size();
        std::vector<std::int32_t> parent(n), depth(n), sibling(n), order(n);
        std::vector<double> squared(n), length(n);
        ASSERT_EQ(cheeger_iso_mst(context_.get(), data.points.data(), static_cast<std::int64_t>(n), data.d,
                                  CHEEGER_ISO_SPANNING_TREE_PRIM,
                                  parent.data(), squared.data(), length.data(), depth.data(), sibling.data(),
                                  order.data()),
                  CHEEGER_STATUS_OK)
            << cheeger_last_error();
        EXPECT_EQ(parent, reference.parent);
        EXPECT_EQ(squared, reference.squared_length);
        EXPECT_EQ(order, reference.order);
    }
}

// KDTREE runs the device Boruvka on a CUDA context (iso_pipeline.cpp): the same tree.
TEST_F(CudaIso, PrimAndBoruvkaBuildTheReferenceTree) {
    for (const data_set& data : data_sets()) {
        const auto reference = cheeger_test::reference_prim(data.points, data.d);
        for (const auto algorithm : {CHEEGER_ISO_SPANNING_TREE_PRIM, CHEEGER_ISO_SPANNING_TREE_BORUVKA,
                                     CHEEGER_ISO_SPANNING_TREE_KDTREE}) {
            SCOPED_TRACE(data.name + ", spanning_tree = " + std::to_string(algorithm));
            auto params = iso_params(1);
            params.spanning_tree = algorithm;
            const iso_outcome run = run_iso(context_.get(), data.points, data.d, params);
            ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
            EXPECT_EQ(run.parent, reference.parent);
            EXPECT_EQ(run.squared_edge_length, reference.squared_length);
            EXPECT_EQ(run.order, reference.order);
        }
    }
}

TEST_F(CudaIso, RunEqualsTheCpuRunForEveryModel) {
    for (const data_set& data : data_sets()) {
        for (const auto& m : cheeger_test::iso_models()) {
            SCOPED_TRACE(data.name + ", " + m.name);
            auto params = iso_params(6);
            params.full_labels = 1;
            m.edit(params);
            const iso_outcome on_cuda = run_iso(context_.get(), data.points, data.d, params);
            EXPECT_EQ(on_cuda.info.backend, CHEEGER_BACKEND_CUDA);
            expect_same_run(run_iso(cpu_.get(), data.points, data.d, params), on_cuda);
        }
    }
}

TEST_F(CudaIso, PartitionEqualsTheCpuPartition) {
    const auto points = cheeger_test::blob_points(3000, 2, 4, 23);
    const auto params = iso_params(8);
    const iso_outcome run = run_iso(cpu_.get(), points, 2, params);
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    cheeger_test::iso_tree_input tree{run.parent, run.parent_flow, run.vertex_weight,
                                      run.potential, run.sibling_rank, run.order};
    const iso_outcome on_cpu = cheeger_test::partition_iso(cpu_.get(), tree, params);
    const iso_outcome on_cuda = cheeger_test::partition_iso(context_.get(), tree, params);
    ASSERT_EQ(on_cpu.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    ASSERT_EQ(on_cuda.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(on_cuda.labels, on_cpu.labels);
    EXPECT_EQ(on_cuda.cluster_costs, on_cpu.cluster_costs);
    EXPECT_EQ(on_cuda.info.epsilon_high, on_cpu.info.epsilon_high);
    EXPECT_EQ(on_cuda.info.decisions, on_cpu.info.decisions);
}

TEST_F(CudaIso, ASinglePointIsItsOwnTree) {
    const std::vector<double> point = {1.5, -2.0};
    std::int32_t parent = 7, depth = 7, sibling = 7, order = 7;
    double squared = 7, length = 7;
    ASSERT_EQ(cheeger_iso_mst(context_.get(), point.data(), 1, 2, CHEEGER_ISO_SPANNING_TREE_AUTO,
                              &parent, &squared, &length, &depth, &sibling, &order),
              CHEEGER_STATUS_OK)
        << cheeger_last_error();
    EXPECT_EQ(parent, -1);
    EXPECT_EQ(squared, 0.0);
    EXPECT_EQ(order, 0);
}

}  // namespace
