// What "the same run" and "every model option" mean for the isoperimetric tests that compare two runs
// (thread counts, CPU against CUDA): one comparison of every output, one list of model options.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "cheeger.h"
#include "iso_call.hpp"

namespace cheeger_test {

/// Both runs succeeded and agree bit for bit on every output: tree stages, probes, costs, labels and info.
inline void expect_same_run(const iso_outcome& expected, const iso_outcome& actual) {
    ASSERT_EQ(expected.status, CHEEGER_STATUS_OK);
    ASSERT_EQ(actual.status, CHEEGER_STATUS_OK);
    EXPECT_EQ(actual.parent, expected.parent);
    EXPECT_EQ(actual.depth, expected.depth);
    EXPECT_EQ(actual.sibling_rank, expected.sibling_rank);
    EXPECT_EQ(actual.order, expected.order);
    EXPECT_EQ(actual.squared_edge_length, expected.squared_edge_length);
    EXPECT_EQ(actual.edge_length, expected.edge_length);
    EXPECT_EQ(actual.parent_flow, expected.parent_flow);
    EXPECT_EQ(actual.vertex_weight, expected.vertex_weight);
    EXPECT_EQ(actual.potential, expected.potential);
    ASSERT_EQ(actual.probes.size(), expected.probes.size());
    for (std::size_t i = 0; i < expected.probes.size(); ++i) {
        EXPECT_EQ(actual.probes[i].epsilon, expected.probes[i].epsilon) << i;
        EXPECT_EQ(actual.probes[i].count, expected.probes[i].count) << i;
    }
    EXPECT_EQ(actual.cluster_costs, expected.cluster_costs);
    EXPECT_EQ(actual.labels, expected.labels);
    EXPECT_EQ(actual.full_labels, expected.full_labels);
    EXPECT_EQ(actual.info.cost, expected.info.cost);
    EXPECT_EQ(actual.info.epsilon_high, expected.info.epsilon_high);
    EXPECT_EQ(actual.info.epsilon_low, expected.info.epsilon_low);
    EXPECT_EQ(actual.info.sigma, expected.info.sigma);
    EXPECT_EQ(actual.info.decisions, expected.info.decisions);
    EXPECT_EQ(actual.info.search_steps, expected.info.search_steps);
    EXPECT_EQ(actual.info.max_depth, expected.info.max_depth);
    EXPECT_EQ(actual.info.outliers, expected.info.outliers);
}

/// One model option set away from the defaults.
struct iso_model {
    std::string name;
    void (*edit)(cheeger_iso_params&);
};

/// The defaults and each kernel, weight, β, standardisation and fixed σ in turn.
inline const std::vector<iso_model>& iso_models() {
    static const std::vector<iso_model> models = {
        {"default", [](cheeger_iso_params&) {}},
        {"gauss", [](cheeger_iso_params& p) { p.kernel = CHEEGER_ISO_KERNEL_GAUSS; }},
        {"inverse", [](cheeger_iso_params& p) { p.kernel = CHEEGER_ISO_KERNEL_INVERSE; }},
        {"unit", [](cheeger_iso_params& p) { p.weight = CHEEGER_ISO_WEIGHT_UNIT; }},
        {"graph", [](cheeger_iso_params& p) { p.weight = CHEEGER_ISO_WEIGHT_GRAPH; }},
        {"beta", [](cheeger_iso_params& p) { p.beta = 0.7; }},
        {"standardize", [](cheeger_iso_params& p) { p.standardize = 1; }},
        {"sigma", [](cheeger_iso_params& p) { p.sigma = 3.25; }},
    };
    return models;
}

}  // namespace cheeger_test
