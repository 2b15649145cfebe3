#include "core/require_finite.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/require.hpp"

namespace cheeger {

namespace {

// True when some value in [values, values + count) is NaN or infinite: exponent bits all ones. Integer
// operations only, so the loop vectorises and the common (clean) case costs one streaming read.
bool any_non_finite(const double* values, std::int64_t count) noexcept {
    constexpr std::uint64_t exponent = 0x7FF0000000000000ULL;
    std::uint64_t found = 0;
    for (std::int64_t i = 0; i < count; ++i) {
        std::uint64_t bits;
        std::memcpy(&bits, values + i, sizeof bits);
        found |= static_cast<std::uint64_t>((bits & exponent) == exponent);
    }
    return found != 0;
}

}  // namespace

void require_finite(const double* values, std::int64_t rows, std::int64_t d, const char* what) {
    constexpr std::int64_t block = 1 << 14;
    const std::int64_t count = rows * d;
    for (std::int64_t begin = 0; begin < count; begin += block) {
        const std::int64_t size = std::min(block, count - begin);
        if (!any_non_finite(values + begin, size)) continue;
        for (std::int64_t i = begin; i < begin + size; ++i) {
            if (!std::isfinite(values[i])) {
                throw error(CHEEGER_STATUS_INVALID_ARGUMENT,
                            message(what, " has a non-finite value (", values[i], ") at row ", i / d, ", column ",
                                    i % d, " (0-based)"));
            }
        }
    }
}

}  // namespace cheeger
