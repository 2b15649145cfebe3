// cheeger_version_get: the version this library was built as (the header's CHEEGER_VERSION_*).
#include "cheeger.h"
#include "core/require.hpp"
#include "core/translate_exceptions.hpp"

extern "C" CHEEGER_API cheeger_status cheeger_version_get(int32_t* major, int32_t* minor, int32_t* patch) {
    return cheeger::translate_exceptions("cheeger_version_get", [&] {
        cheeger::require_not_null(major, "major");
        cheeger::require_not_null(minor, "minor");
        cheeger::require_not_null(patch, "patch");
        *major = CHEEGER_VERSION_MAJOR;
        *minor = CHEEGER_VERSION_MINOR;
        *patch = CHEEGER_VERSION_PATCH;
    });
}
