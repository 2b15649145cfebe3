// Every argument check of the isoperimetric entry points: the status and a message that names the problem.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "context_handle.hpp"
#include "iso_call.hpp"

namespace {

using cheeger_test::iso_params;
using cheeger_test::make_context;

std::string error() { return cheeger_last_error(); }

class IsoRunValidation : public ::testing::Test {
protected:
    void SetUp() override {
        context_ = make_context(CHEEGER_BACKEND_CPU, 1);
        ASSERT_TRUE(context_) << cheeger_last_error();
    }

    cheeger_status run() {
        return cheeger_iso_run(context_.get(), points_ptr, n, d, params_ptr, labels_ptr, full_ptr, nullptr,
                               probes_ptr, probes_capacity, nullptr, nullptr);
    }

    cheeger_test::context_handle context_;
    std::vector<double> points = {0, 0, 1, 0, 0, 1, 1, 1, 5, 5, 6, 5};  // 6 x 2
    std::vector<std::int32_t> labels = std::vector<std::int32_t>(6);
    std::vector<std::int32_t> full = std::vector<std::int32_t>(6);
    std::vector<cheeger_iso_probe> probes = std::vector<cheeger_iso_probe>(8);
    cheeger_iso_params params = iso_params(2);
    const double* points_ptr = points.data();
    std::int64_t n = 6;
    std::int64_t d = 2;
    const cheeger_iso_params* params_ptr = &params;
    std::int32_t* labels_ptr = labels.data();
    std::int32_t* full_ptr = nullptr;
    cheeger_iso_probe* probes_ptr = nullptr;
    std::int32_t probes_capacity = 0;
};

TEST_F(IsoRunValidation, ValidCallSucceedsAndClearsTheError) {
    EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error();
    EXPECT_EQ(error(), "");
    EXPECT_EQ(labels, (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1}));
}

TEST_F(IsoRunValidation, AnOlderSmallerParamsIsReadOnlyAsFarAsItGoes) {
    // A 0.2-era caller knew no spanning_tree and no reserved: the bytes after full_labels are not its own.
    ASSERT_EQ(run(), CHEEGER_STATUS_OK) << error();
    const std::vector<std::int32_t> full_size_labels = labels;
    params.struct_size = static_cast<std::int64_t>(offsetof(cheeger_iso_params, spanning_tree));
    params.spanning_tree = 77;  // neither is valid: refused if they were read
    params.reserved = 5;
    EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error();
    EXPECT_EQ(labels, full_size_labels);
}

TEST_F(IsoRunValidation, ALargerParamsThanTheLibraryKnowsIsRefused) {
    params.struct_size = static_cast<std::int64_t>(sizeof(cheeger_iso_params)) + 8;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_THAT(error(), ::testing::HasSubstr("params->struct_size = 80 is larger than the 72-byte cheeger_iso_params"));
    EXPECT_THAT(error(), ::testing::HasSubstr("newer cheeger.h"));
}

TEST_F(IsoRunValidation, Defaults) {
    cheeger_iso_params p{};
    ASSERT_EQ(cheeger_iso_params_default(&p), CHEEGER_STATUS_OK);
    EXPECT_EQ(p.k, 2);
    EXPECT_EQ(p.kernel, CHEEGER_ISO_KERNEL_LAPLACE);
    EXPECT_EQ(p.weight, CHEEGER_ISO_WEIGHT_TREE);
    EXPECT_EQ(p.max_search_steps, 200);
    EXPECT_EQ(p.sigma, 0.0);
    EXPECT_EQ(p.sigma_scale, 2.0);
    EXPECT_EQ(p.beta, 0.0);
    EXPECT_EQ(p.search_tolerance, 1e-12);
    EXPECT_EQ(p.standardize, 0);
    EXPECT_EQ(p.full_labels, 0);
    EXPECT_EQ(cheeger_iso_params_default(nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_params_default: out is NULL");
}

TEST_F(IsoRunValidation, NullArguments) {
    EXPECT_EQ(cheeger_iso_run(nullptr, points_ptr, n, d, params_ptr, labels_ptr, nullptr, nullptr, nullptr, 0,
                              nullptr, nullptr),
              CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: context is NULL");
    points_ptr = nullptr;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: points is NULL");
    points_ptr = points.data();
    params_ptr = nullptr;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: params is NULL");
    params_ptr = &params;
    labels_ptr = nullptr;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: labels_out is NULL");
}

TEST_F(IsoRunValidation, Sizes) {
    n = 0;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: n = 0 must be at least 1");
    n = 6;
    d = 0;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: d = 0 must be at least 1");
    d = 2;
    n = std::int64_t{1} << 31;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_THAT(error(), ::testing::HasSubstr("n = 2147483648 exceeds the largest supported number of points"));
    n = std::numeric_limits<std::int32_t>::max();
    d = std::numeric_limits<std::int64_t>::max() / 4;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_THAT(error(), ::testing::HasSubstr("overflows"));
}

TEST_F(IsoRunValidation, KOutOfRange) {
    params.k = 0;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: params->k = 0 must be at least 1");
    params.k = 7;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: params->k = 7 exceeds the number of points n = 6");
}

TEST_F(IsoRunValidation, NonFinitePointNamesRowAndColumn) {
    points[7] = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: points has a non-finite value (nan) at row 3, column 1 (0-based)");
    points[7] = 1;
    points[10] = -std::numeric_limits<double>::infinity();
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: points has a non-finite value (-inf) at row 5, column 0 (0-based)");
}

TEST_F(IsoRunValidation, ModelParameters) {
    struct bad {
        void (*edit)(cheeger_iso_params&);
        const char* message;
    };
    const bad cases[] = {
        {[](cheeger_iso_params& p) { p.kernel = 3; },
         "params->kernel = 3 is not a cheeger_iso_kernel value (LAPLACE = 0, GAUSS = 1, INVERSE = 2)"},
        {[](cheeger_iso_params& p) { p.weight = -1; },
         "params->weight = -1 is not a cheeger_iso_weight value (TREE = 0, UNIT = 1, GRAPH = 2)"},
        {[](cheeger_iso_params& p) { p.sigma = -1; },
         "params->sigma = -1 must be a positive finite number, or 0 to derive it from the tree"},
        {[](cheeger_iso_params& p) { p.sigma = std::numeric_limits<double>::infinity(); },
         "params->sigma = inf must be a positive finite number, or 0 to derive it from the tree"},
        {[](cheeger_iso_params& p) { p.sigma_scale = 0; }, "params->sigma_scale = 0 must be a positive finite number"},
        {[](cheeger_iso_params& p) { p.sigma_scale = std::numeric_limits<double>::quiet_NaN(); },
         "params->sigma_scale = nan must be a positive finite number"},
        {[](cheeger_iso_params& p) { p.beta = -0.5; }, "params->beta = -0.5 must be a finite number >= 0"},
        {[](cheeger_iso_params& p) { p.beta = std::numeric_limits<double>::infinity(); }, "params->beta = inf must be a finite number >= 0"},
        {[](cheeger_iso_params& p) { p.search_tolerance = 0; }, "params->search_tolerance = 0 must lie in (0, 1)"},
        {[](cheeger_iso_params& p) { p.search_tolerance = 1; }, "params->search_tolerance = 1 must lie in (0, 1)"},
        {[](cheeger_iso_params& p) { p.max_search_steps = 0; },
         "params->max_search_steps = 0 must be at least 1"},
        {[](cheeger_iso_params& p) { p.standardize = 2; }, "params->standardize = 2 must be 0 or 1"},
        {[](cheeger_iso_params& p) { p.full_labels = -1; }, "params->full_labels = -1 must be 0 or 1"},
    };
    for (const bad& c : cases) {
        params = iso_params(2);
        c.edit(params);
        EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT) << c.message;
        EXPECT_EQ(error(), std::string("cheeger_iso_run: ") + c.message);
    }
}

TEST_F(IsoRunValidation, OptionalOutputs) {
    params.full_labels = 1;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: full_labels_out is NULL but params->full_labels = 1 asks for it");
    full_ptr = full.data();
    EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error();
    probes_capacity = 3;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: probes_out is NULL but probes_capacity = 3");
    probes_capacity = -1;
    probes_ptr = probes.data();
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: probes_capacity = -1 must be >= 0");
}

TEST_F(IsoRunValidation, ProbesAreCutAtTheCapacity) {
    std::vector<cheeger_iso_probe> all(300), few(3, cheeger_iso_probe{-1, -1});
    cheeger_iso_info info{};
    ASSERT_EQ(cheeger_iso_run(context_.get(), points_ptr, n, d, params_ptr, labels_ptr, nullptr, nullptr, all.data(),
                              300, nullptr, &info),
              CHEEGER_STATUS_OK);
    ASSERT_GT(info.decisions, 3);
    std::vector<cheeger_iso_probe> padded = few;
    padded.push_back(cheeger_iso_probe{-1, -1});
    ASSERT_EQ(cheeger_iso_run(context_.get(), points_ptr, n, d, params_ptr, labels_ptr, nullptr, nullptr,
                              padded.data(), 3, nullptr, &info),
              CHEEGER_STATUS_OK);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(padded[static_cast<std::size_t>(i)].epsilon, all[static_cast<std::size_t>(i)].epsilon);
        EXPECT_EQ(padded[static_cast<std::size_t>(i)].count, all[static_cast<std::size_t>(i)].count);
    }
    EXPECT_EQ(padded[3].count, -1);  // not written past the capacity
}

TEST_F(IsoRunValidation, OverflowingTreeEdgeIsReported) {
    points = {-1e200, 0, 1e200, 0};
    n = 2;
    params.k = 1;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(),
              "cheeger_iso_run: the squared distance between points 0 and 1 overflows a double; rescale the data "
              "(for example with params->standardize = 1)");
    params.standardize = 1;  // the standard deviation of column 0 overflows too: refused as the managed side does
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_run: params->standardize = 1: the mean or standard deviation of feature column 0 "
                       "overflows a double; rescale the data");
}

TEST_F(IsoRunValidation, GaussSigmaWhoseSquareUnderflowsIsRefused) {
    // Duplicate points give a zero-length edge, and exp(-0 / sigma^2) with sigma^2 = 0 would be a NaN flow.
    points = {0, 0, 0, 0, 1, 1, 1, 1, 5, 5, 6, 5};
    params.kernel = CHEEGER_ISO_KERNEL_GAUSS;
    params.sigma = 1e-300;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_THAT(error(), ::testing::HasSubstr("params->sigma = 1e-300 is out of range for the gauss kernel"));
    params.sigma = 1e-100;  // sigma^2 = 1e-200 is a positive double: usable
    EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error();
}

TEST_F(IsoRunValidation, ComputedGaussSigmaWhoseSquareUnderflowsIsRefused) {
    // One edge of 3e-162 among seven duplicates: sigma = 2 x 3e-162 / 7 ~ 8.6e-163, whose square rounds to 0.
    points = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3e-162, 0};
    points_ptr = points.data();  // the vector grew
    labels.resize(8);
    labels_ptr = labels.data();
    n = 8;
    params.k = 2;
    params.kernel = CHEEGER_ISO_KERNEL_GAUSS;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_THAT(error(), ::testing::HasSubstr("is out of range for the gauss kernel"));
    params.kernel = CHEEGER_ISO_KERNEL_LAPLACE;  // d / sigma stays finite: fine
    EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error();
}

TEST_F(IsoRunValidation, StandardizingAFeatureThatDiffersOnlyBySubnormalsGivesZeros) {
    points = {0, 0, 5e-324, 1, 0, 2, 5e-324, 3, 0, 10, 5e-324, 11};  // column 0: variance underflows to 0
    params.standardize = 1;
    EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error();
    EXPECT_EQ(labels, (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1}));
}

TEST(IsoMstValidation, EveryOutputIsRequiredAndTheSpanningTreeMustBeAChoice) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(context);
    const std::vector<double> points = {0, 1, 2};
    std::vector<std::int32_t> a(3), b(3), c(3), e(3);
    std::vector<double> f(3), g(3);
    EXPECT_EQ(cheeger_iso_mst(context.get(), points.data(), 3, 1, CHEEGER_ISO_SPANNING_TREE_AUTO,
                              a.data(), f.data(), g.data(), b.data(), c.data(),
                              e.data()),
              CHEEGER_STATUS_OK);
    EXPECT_EQ(cheeger_iso_mst(context.get(), points.data(), 3, 1, CHEEGER_ISO_SPANNING_TREE_AUTO,
                              nullptr, f.data(), g.data(), b.data(), c.data(),
                              e.data()),
              CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_mst: parent_out is NULL");
    EXPECT_EQ(cheeger_iso_mst(context.get(), points.data(), 3, 1, CHEEGER_ISO_SPANNING_TREE_AUTO,
                              a.data(), f.data(), g.data(), b.data(), c.data(),
                              nullptr),
              CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_mst: order_out is NULL");
    EXPECT_EQ(cheeger_iso_mst(nullptr, points.data(), 3, 1, CHEEGER_ISO_SPANNING_TREE_AUTO,
                              a.data(), f.data(), g.data(), b.data(), c.data(),
                              e.data()),
              CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_mst: context is NULL");
    EXPECT_EQ(cheeger_iso_mst(context.get(), points.data(), 3, 1, 4, a.data(), f.data(), g.data(), b.data(), c.data(),
                              e.data()),
              CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(),
              "cheeger_iso_mst: spanning_tree = 4 is not a cheeger_iso_spanning_tree value (AUTO = 0, PRIM = 1, "
              "BORUVKA = 2, KDTREE = 3)");
}

class IsoPartitionValidation : public ::testing::Test {
protected:
    void SetUp() override {
        context_ = make_context(CHEEGER_BACKEND_CPU, 1);
        ASSERT_TRUE(context_) << cheeger_last_error();
        tree.parent = {-1, 0, 1, 1, 0, 4, 4, 0};
        tree.parent_flow = {0, 3, 6, 5, 1, 4, 4, 1};
        tree.vertex_weight = {1, 1, 1, 1, 1, 1, 1, 2};
        tree.potential = {0, 0, 0, 0, 0, 0, 0, 0};
    }

    cheeger_status run() { return cheeger_test::partition_iso(context_.get(), tree, params).status; }

    cheeger_test::context_handle context_;
    cheeger_test::iso_tree_input tree;
    cheeger_iso_params params = iso_params(2);
};

TEST_F(IsoPartitionValidation, ValidTree) { EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error(); }

TEST_F(IsoPartitionValidation, Roots) {
    tree.parent[3] = -1;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: parent: vertices 0 and 3 both have no parent (-1); a tree has one root");
    tree.parent = {1, 0, 1, 1, 0, 4, 4, 0};
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: parent: no vertex is the root (parent -1)");
}

TEST_F(IsoPartitionValidation, ParentsAndCycles) {
    tree.parent[5] = 8;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: parent[5] = 8 is not a vertex other than 5 (0..7, or -1 for the root)");
    tree.parent[5] = 5;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    tree.parent[5] = 6;
    tree.parent[6] = 5;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: parent: vertex 5 lies on a cycle and does not reach the root 0");
}

TEST_F(IsoPartitionValidation, VertexFunctions) {
    tree.parent_flow[2] = 0;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: parent_flow[2] = 0 must be positive and finite");
    tree.parent_flow[2] = 6;
    tree.parent_flow[0] = 1;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: parent_flow[0] = 1 must be 0: the root has no parent edge");
    tree.parent_flow[0] = 0;
    tree.vertex_weight[4] = std::numeric_limits<double>::infinity();
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: vertex_weight[4] = inf must be positive and finite");
    tree.vertex_weight[4] = 1;
    tree.potential[6] = -1;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: potential[6] = -1 must be finite and >= 0");
}

TEST_F(IsoPartitionValidation, SiblingRanksAndOrder) {
    tree.sibling_rank = {0, 0, 0, 1, 1, 0, 1, 3};
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: sibling_rank[7] = 3: the ranks of the 3 children of vertex 0 must be 0..2");
    tree.sibling_rank = {0, 0, 0, 1, 1, 0, 0, 2};
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: sibling_rank[6] = 0 repeats a rank among the children of vertex 4");
    tree.sibling_rank.clear();
    tree.order = {0, 2, 1, 3, 4, 5, 6, 7};
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: order[1] = 2: the order must list every vertex once, parents before children");
    tree.order = {1, 0, 2, 3, 4, 5, 6, 7};
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: order[0] = 1 must be the root 0");
}

TEST_F(IsoPartitionValidation, NullsAndK) {
    params.k = 9;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: params->k = 9 exceeds the number of points n = 8");
    params.k = 2;
    std::vector<std::int32_t> labels(8);
    EXPECT_EQ(cheeger_iso_partition(context_.get(), 8, nullptr, tree.parent_flow.data(), tree.vertex_weight.data(),
                                    tree.potential.data(), nullptr, nullptr, &params, labels.data(), nullptr, nullptr),
              CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: parent is NULL");
    EXPECT_EQ(cheeger_iso_partition(context_.get(), 0, tree.parent.data(), tree.parent_flow.data(),
                                    tree.vertex_weight.data(), tree.potential.data(), nullptr, nullptr, &params,
                                    labels.data(), nullptr, nullptr),
              CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_iso_partition: n = 0 must be at least 1");
}

}  // namespace
