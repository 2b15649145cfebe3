// d2(a, b) = sum_j (a_j - b_j)^2 in dimension order, in double (spec §2.2). The library is compiled with
// -ffp-contract=off, so the multiply and the add are never fused: the same bits as the managed SquaredDistance.
#pragma once

#include <cstdint>

namespace cheeger::iso {

inline double squared_distance(const double* a, const double* b, std::int64_t d) noexcept {
    double sum = 0.0;
    for (std::int64_t j = 0; j < d; ++j) {
        const double diff = a[j] - b[j];
        sum += diff * diff;
    }
    return sum;
}

}  // namespace cheeger::iso
