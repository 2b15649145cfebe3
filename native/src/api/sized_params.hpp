// Reads a caller's params struct by the struct_size it starts with, so that a caller built against an older,
// smaller cheeger.h is read only as far as its struct goes (the fields it does not know take their defaults) and
// a struct larger than this library knows is refused instead of being half read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>

#include "cheeger.h"
#include "core/require.hpp"

namespace cheeger::api {

/// True when `size` bytes end exactly after a field of the public struct `type_name` (struct_layout_api.cpp
/// knows every field), so that a prefix of that size never cuts a field in two.
bool ends_after_a_field(const char* type_name, std::size_t size) noexcept;

/// `*given` read up to its struct_size over `defaults`; struct_size of the result is this library's sizeof.
/// Nothing when `given` is NULL (the entry point's validation names it among its other arguments). Throws
/// CHEEGER_STATUS_INVALID_ARGUMENT naming the size when it is not one this library can read.
template <class Params>
std::optional<Params> read_sized(const Params* given, const char* name, const char* type_name,
                                 const Params& defaults) {
    if (given == nullptr) return std::nullopt;
    const std::int64_t size = given->struct_size;
    constexpr auto known = static_cast<std::int64_t>(sizeof(Params));
    constexpr auto smallest = static_cast<std::int64_t>(sizeof(std::int64_t));
    require(size >= smallest, name, "->struct_size = ", size, " is not the size of a ", type_name,
            ": fill the struct with ", type_name, "_default first");
    require(size <= known, name, "->struct_size = ", size, " is larger than the ", known, "-byte ", type_name,
            " of this library (version ", CHEEGER_VERSION_MAJOR, ".", CHEEGER_VERSION_MINOR, "."
            , CHEEGER_VERSION_PATCH, "): the caller was built against a newer cheeger.h");
    require(ends_after_a_field(type_name, static_cast<std::size_t>(size)), name, "->struct_size = ", size,
            " ends inside a field of ", type_name);
    Params read = defaults;
    std::memcpy(&read, given, static_cast<std::size_t>(size));
    read.struct_size = known;
    return read;
}

/// The defaults of cheeger_kmeans_params_default.
cheeger_kmeans_params kmeans_defaults() noexcept;

/// The defaults of cheeger_iso_params_default.
cheeger_iso_params iso_defaults() noexcept;

}  // namespace cheeger::api
