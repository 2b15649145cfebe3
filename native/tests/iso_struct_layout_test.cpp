// cheeger_struct_layout reports the isoperimetric structs as the compiler laid them out, with the sizes the
// bindings declare.
#include <gtest/gtest.h>

#include <cstddef>

#include "cheeger.h"

namespace {

std::int64_t layout(const char* type, const char* field) {
    std::int64_t value = -1;
    EXPECT_EQ(cheeger_struct_layout(type, field, &value), CHEEGER_STATUS_OK) << cheeger_last_error();
    return value;
}

#define EXPECT_FIELD(type, field) \
    EXPECT_EQ(layout(#type, #field), static_cast<std::int64_t>(offsetof(type, field))) << #type "." #field

TEST(IsoStructLayout, Sizes) {
    EXPECT_EQ(layout("cheeger_iso_params", nullptr), 72);
    EXPECT_EQ(layout("cheeger_iso_probe", nullptr), 16);
    EXPECT_EQ(layout("cheeger_iso_info", nullptr), 96);
    EXPECT_EQ(layout("cheeger_iso_tree", nullptr), static_cast<std::int64_t>(9 * sizeof(void*)));
}

TEST(IsoStructLayout, EveryFieldOffset) {
    EXPECT_FIELD(cheeger_iso_params, struct_size);
    EXPECT_FIELD(cheeger_iso_params, k);
    EXPECT_FIELD(cheeger_iso_params, kernel);
    EXPECT_FIELD(cheeger_iso_params, weight);
    EXPECT_FIELD(cheeger_iso_params, max_search_steps);
    EXPECT_FIELD(cheeger_iso_params, sigma);
    EXPECT_FIELD(cheeger_iso_params, sigma_scale);
    EXPECT_FIELD(cheeger_iso_params, beta);
    EXPECT_FIELD(cheeger_iso_params, search_tolerance);
    EXPECT_FIELD(cheeger_iso_params, standardize);
    EXPECT_FIELD(cheeger_iso_params, full_labels);
    EXPECT_FIELD(cheeger_iso_params, spanning_tree);
    EXPECT_FIELD(cheeger_iso_params, reserved);
    EXPECT_FIELD(cheeger_iso_probe, epsilon);
    EXPECT_FIELD(cheeger_iso_probe, count);
    EXPECT_FIELD(cheeger_iso_info, cost);
    EXPECT_FIELD(cheeger_iso_info, epsilon_high);
    EXPECT_FIELD(cheeger_iso_info, epsilon_low);
    EXPECT_FIELD(cheeger_iso_info, sigma);
    EXPECT_FIELD(cheeger_iso_info, decisions);
    EXPECT_FIELD(cheeger_iso_info, search_steps);
    EXPECT_FIELD(cheeger_iso_info, backend);
    EXPECT_FIELD(cheeger_iso_info, max_depth);
    EXPECT_FIELD(cheeger_iso_info, outliers);
    EXPECT_FIELD(cheeger_iso_info, seconds_standardize);
    EXPECT_FIELD(cheeger_iso_info, seconds_mst);
    EXPECT_FIELD(cheeger_iso_info, seconds_weights);
    EXPECT_FIELD(cheeger_iso_info, seconds_search);
    EXPECT_FIELD(cheeger_iso_info, seconds_labels);
    EXPECT_FIELD(cheeger_iso_tree, parent);
    EXPECT_FIELD(cheeger_iso_tree, depth);
    EXPECT_FIELD(cheeger_iso_tree, sibling_rank);
    EXPECT_FIELD(cheeger_iso_tree, order);
    EXPECT_FIELD(cheeger_iso_tree, squared_edge_length);
    EXPECT_FIELD(cheeger_iso_tree, edge_length);
    EXPECT_FIELD(cheeger_iso_tree, parent_flow);
    EXPECT_FIELD(cheeger_iso_tree, vertex_weight);
    EXPECT_FIELD(cheeger_iso_tree, potential);
}

}  // namespace
