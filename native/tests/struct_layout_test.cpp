// cheeger_struct_layout reports what the compiler laid out, and the sizes the bindings rely on.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "cheeger.h"

namespace {

std::int64_t layout(const char* type, const char* field) {
    std::int64_t value = -1;
    EXPECT_EQ(cheeger_struct_layout(type, field, &value), CHEEGER_STATUS_OK) << cheeger_last_error();
    return value;
}

#define EXPECT_FIELD(type, field) \
    EXPECT_EQ(layout(#type, #field), static_cast<std::int64_t>(offsetof(type, field))) << #type "." #field

TEST(StructLayout, SizesAreTheOnesTheBindingsDeclare) {
    EXPECT_EQ(layout("cheeger_capabilities", nullptr), 288);
    EXPECT_EQ(layout("cheeger_kmeans_params", nullptr), 40);
    EXPECT_EQ(layout("cheeger_kmeans_info", nullptr), 48);
    EXPECT_EQ(layout("cheeger_capabilities", nullptr), static_cast<std::int64_t>(sizeof(cheeger_capabilities)));
    EXPECT_EQ(layout("cheeger_kmeans_params", nullptr), static_cast<std::int64_t>(sizeof(cheeger_kmeans_params)));
    EXPECT_EQ(layout("cheeger_kmeans_info", nullptr), static_cast<std::int64_t>(sizeof(cheeger_kmeans_info)));
}

TEST(StructLayout, EveryFieldOffset) {
    EXPECT_FIELD(cheeger_capabilities, compiled_backends);
    EXPECT_FIELD(cheeger_capabilities, hardware_threads);
    EXPECT_FIELD(cheeger_capabilities, cuda_device_count);
    EXPECT_FIELD(cheeger_capabilities, cuda_compute_major);
    EXPECT_FIELD(cheeger_capabilities, cuda_compute_minor);
    EXPECT_FIELD(cheeger_capabilities, reserved);
    EXPECT_FIELD(cheeger_capabilities, cuda_total_memory);
    EXPECT_FIELD(cheeger_capabilities, cuda_device_name);
    EXPECT_FIELD(cheeger_kmeans_params, struct_size);
    EXPECT_FIELD(cheeger_kmeans_params, k);
    EXPECT_FIELD(cheeger_kmeans_params, max_iterations);
    EXPECT_FIELD(cheeger_kmeans_params, seed);
    EXPECT_FIELD(cheeger_kmeans_params, tolerance);
    EXPECT_FIELD(cheeger_kmeans_params, init);
    EXPECT_FIELD(cheeger_kmeans_params, precision);
    EXPECT_FIELD(cheeger_kmeans_info, iterations);
    EXPECT_FIELD(cheeger_kmeans_info, backend);
    EXPECT_FIELD(cheeger_kmeans_info, last_changes);
    EXPECT_FIELD(cheeger_kmeans_info, inertia);
    EXPECT_FIELD(cheeger_kmeans_info, seconds_init);
    EXPECT_FIELD(cheeger_kmeans_info, seconds_assign);
    EXPECT_FIELD(cheeger_kmeans_info, seconds_update);
}

TEST(StructLayout, EveryParamsStructStartsWithItsSizeAsItsDefaultCallSetsIt) {
    cheeger_kmeans_params kmeans{};
    ASSERT_EQ(cheeger_kmeans_params_default(&kmeans), CHEEGER_STATUS_OK);
    EXPECT_EQ(layout("cheeger_kmeans_params", "struct_size"), 0);
    EXPECT_EQ(kmeans.struct_size, static_cast<std::int64_t>(sizeof(cheeger_kmeans_params)));
    cheeger_iso_params iso{};
    ASSERT_EQ(cheeger_iso_params_default(&iso), CHEEGER_STATUS_OK);
    EXPECT_EQ(layout("cheeger_iso_params", "struct_size"), 0);
    EXPECT_EQ(iso.struct_size, static_cast<std::int64_t>(sizeof(cheeger_iso_params)));
}

TEST(StructLayout, UnknownNamesAreRejected) {
    std::int64_t value = 0;
    EXPECT_EQ(cheeger_struct_layout("cheeger_nothing", nullptr, &value), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()),
              "cheeger_struct_layout: 'cheeger_nothing' is not a public struct of cheeger.h");
    EXPECT_EQ(cheeger_struct_layout("cheeger_kmeans_params", "kk", &value), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()),
              "cheeger_struct_layout: struct 'cheeger_kmeans_params' has no field 'kk'");
    EXPECT_EQ(cheeger_struct_layout(nullptr, nullptr, &value), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_struct_layout: type_name is NULL");
    EXPECT_EQ(cheeger_struct_layout("cheeger_kmeans_info", nullptr, nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_struct_layout: value is NULL");
}

}  // namespace
