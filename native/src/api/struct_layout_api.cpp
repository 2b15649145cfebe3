// cheeger_struct_layout: sizeof and offsetof of every public struct and field, for the bindings' layout checks.
// The table is generated from the one list below; a static_assert checks that the listed fields of each struct
// add up to its size, so a field added to cheeger.h without a line here breaks the build.
#include <cstddef>
#include <cstring>
#include <utility>

#include "api/sized_params.hpp"
#include "cheeger.h"
#include "core/require.hpp"
#include "core/translate_exceptions.hpp"

// X(struct, field) for every field of every public struct, in declaration order.
#define CHEEGER_PUBLIC_STRUCT_FIELDS(X)            \
    X(cheeger_capabilities, compiled_backends)     \
    X(cheeger_capabilities, hardware_threads)      \
    X(cheeger_capabilities, cuda_device_count)     \
    X(cheeger_capabilities, cuda_compute_major)    \
    X(cheeger_capabilities, cuda_compute_minor)    \
    X(cheeger_capabilities, reserved)              \
    X(cheeger_capabilities, cuda_total_memory)     \
    X(cheeger_capabilities, cuda_device_name)      \
    X(cheeger_kmeans_params, struct_size)          \
    X(cheeger_kmeans_params, k)                    \
    X(cheeger_kmeans_params, max_iterations)       \
    X(cheeger_kmeans_params, seed)                 \
    X(cheeger_kmeans_params, tolerance)            \
    X(cheeger_kmeans_params, init)                 \
    X(cheeger_kmeans_params, precision)            \
    X(cheeger_kmeans_info, iterations)             \
    X(cheeger_kmeans_info, backend)                \
    X(cheeger_kmeans_info, last_changes)           \
    X(cheeger_kmeans_info, inertia)                \
    X(cheeger_kmeans_info, seconds_init)           \
    X(cheeger_kmeans_info, seconds_assign)         \
    X(cheeger_kmeans_info, seconds_update)         \
    X(cheeger_iso_params, struct_size)             \
    X(cheeger_iso_params, k)                       \
    X(cheeger_iso_params, kernel)                  \
    X(cheeger_iso_params, weight)                  \
    X(cheeger_iso_params, max_search_steps)        \
    X(cheeger_iso_params, sigma)                   \
    X(cheeger_iso_params, sigma_scale)             \
    X(cheeger_iso_params, beta)                    \
    X(cheeger_iso_params, search_tolerance)        \
    X(cheeger_iso_params, standardize)             \
    X(cheeger_iso_params, full_labels)             \
    X(cheeger_iso_params, spanning_tree)           \
    X(cheeger_iso_params, reserved)                \
    X(cheeger_iso_probe, epsilon)                  \
    X(cheeger_iso_probe, count)                    \
    X(cheeger_iso_info, cost)                      \
    X(cheeger_iso_info, epsilon_high)              \
    X(cheeger_iso_info, epsilon_low)               \
    X(cheeger_iso_info, sigma)                     \
    X(cheeger_iso_info, decisions)                 \
    X(cheeger_iso_info, search_steps)              \
    X(cheeger_iso_info, backend)                   \
    X(cheeger_iso_info, max_depth)                 \
    X(cheeger_iso_info, outliers)                  \
    X(cheeger_iso_info, seconds_standardize)       \
    X(cheeger_iso_info, seconds_mst)               \
    X(cheeger_iso_info, seconds_weights)           \
    X(cheeger_iso_info, seconds_search)            \
    X(cheeger_iso_info, seconds_labels)            \
    X(cheeger_iso_tree, parent)                    \
    X(cheeger_iso_tree, depth)                     \
    X(cheeger_iso_tree, sibling_rank)              \
    X(cheeger_iso_tree, order)                     \
    X(cheeger_iso_tree, squared_edge_length)       \
    X(cheeger_iso_tree, edge_length)               \
    X(cheeger_iso_tree, parent_flow)               \
    X(cheeger_iso_tree, vertex_weight)             \
    X(cheeger_iso_tree, potential)

namespace {

struct field_layout {
    const char* type_name;
    const char* field_name;
    std::size_t type_size;
    std::size_t field_offset;
    std::size_t field_size;
};

#define CHEEGER_FIELD_LAYOUT(type, field) \
    field_layout{#type, #field, sizeof(type), offsetof(type, field), sizeof(std::declval<type&>().field)},

constexpr field_layout layouts[] = {CHEEGER_PUBLIC_STRUCT_FIELDS(CHEEGER_FIELD_LAYOUT)};

#undef CHEEGER_FIELD_LAYOUT

constexpr bool same_name(const char* a, const char* b) {
    while (*a != '\0' && *a == *b) {
        ++a;
        ++b;
    }
    return *a == *b;
}

// The listed fields of `type_name` tile the struct exactly: no field is missing and there is no padding (the
// bindings declare the same fields in the same order, with no padding to guess).
constexpr bool fields_cover(const char* type_name, std::size_t type_size) {
    std::size_t next_offset = 0;
    for (const field_layout& layout : layouts) {
        if (!same_name(layout.type_name, type_name)) continue;
        if (layout.field_offset != next_offset) return false;
        next_offset += layout.field_size;
    }
    return next_offset == type_size;
}

static_assert(fields_cover("cheeger_capabilities", sizeof(cheeger_capabilities)),
              "CHEEGER_PUBLIC_STRUCT_FIELDS must list every field of cheeger_capabilities, in order");
static_assert(fields_cover("cheeger_kmeans_params", sizeof(cheeger_kmeans_params)),
              "CHEEGER_PUBLIC_STRUCT_FIELDS must list every field of cheeger_kmeans_params, in order");
static_assert(fields_cover("cheeger_kmeans_info", sizeof(cheeger_kmeans_info)),
              "CHEEGER_PUBLIC_STRUCT_FIELDS must list every field of cheeger_kmeans_info, in order");
static_assert(fields_cover("cheeger_iso_params", sizeof(cheeger_iso_params)),
              "CHEEGER_PUBLIC_STRUCT_FIELDS must list every field of cheeger_iso_params, in order");
static_assert(fields_cover("cheeger_iso_probe", sizeof(cheeger_iso_probe)),
              "CHEEGER_PUBLIC_STRUCT_FIELDS must list every field of cheeger_iso_probe, in order");
static_assert(fields_cover("cheeger_iso_info", sizeof(cheeger_iso_info)),
              "CHEEGER_PUBLIC_STRUCT_FIELDS must list every field of cheeger_iso_info, in order");
static_assert(fields_cover("cheeger_iso_tree", sizeof(cheeger_iso_tree)),
              "CHEEGER_PUBLIC_STRUCT_FIELDS must list every field of cheeger_iso_tree, in order");

}  // namespace

bool cheeger::api::ends_after_a_field(const char* type_name, std::size_t size) noexcept {
    for (const field_layout& layout : layouts) {
        if (std::strcmp(layout.type_name, type_name) == 0 && layout.field_offset + layout.field_size == size) return true;
    }
    return false;
}

extern "C" CHEEGER_API cheeger_status cheeger_struct_layout(const char* type_name, const char* field,
                                                             int64_t* value) {
    return cheeger::translate_exceptions("cheeger_struct_layout", [&] {
        cheeger::require_not_null(type_name, "type_name");
        cheeger::require_not_null(value, "value");
        bool known_type = false;
        for (const field_layout& layout : layouts) {
            if (std::strcmp(layout.type_name, type_name) != 0) continue;
            known_type = true;
            if (field == nullptr) {
                *value = static_cast<int64_t>(layout.type_size);
                return;
            }
            if (std::strcmp(layout.field_name, field) == 0) {
                *value = static_cast<int64_t>(layout.field_offset);
                return;
            }
        }
        cheeger::require(known_type, "'", type_name, "' is not a public struct of cheeger.h");
        throw cheeger::error(CHEEGER_STATUS_INVALID_ARGUMENT,
                             cheeger::message("struct '", type_name, "' has no field '", field, "'"));
    });
}
