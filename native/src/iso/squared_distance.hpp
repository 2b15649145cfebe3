// d2(a, b) = sum_j (a_j - b_j)^2 in dimension order, in double (spec §2.2). The library is compiled with
// -ffp-contract=off, so the multiply and the add are never fused: the same bits as the managed SquaredDistance.
#pragma once

#include <cstdint>

namespace cheeger::iso {

// `Dimension` is std::int64_t, or a std::integral_constant where a hot loop is compiled for a fixed d (the same
// operations in the same order: the same bits).
template <class Dimension = std::int64_t>
inline double squared_distance(const double* a, const double* b, Dimension d) noexcept {
    double sum = 0.0;
    for (std::int64_t j = 0; j < d; ++j) {
        const double diff = a[j] - b[j];
        sum += diff * diff;
    }
    return sum;
}

}  // namespace cheeger::iso
