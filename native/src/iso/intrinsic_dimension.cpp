#include "iso/intrinsic_dimension.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>

#include "cheeger.h"
#include "iso/squared_distance.hpp"

namespace cheeger::iso {

double intrinsic_dimension(const double* points, std::int64_t n, std::int64_t d) noexcept {
    constexpr std::size_t neighbours = CHEEGER_ISO_DIMENSION_SAMPLE_NEIGHBOURS;
    const std::int64_t queries = std::min<std::int64_t>(n, CHEEGER_ISO_DIMENSION_SAMPLE_QUERIES);
    const std::int64_t references = std::min<std::int64_t>(n, CHEEGER_ISO_DIMENSION_SAMPLE_REFERENCES);
    double log_ratio_sum = 0.0;
    std::int64_t used = 0;
    std::array<double, neighbours> nearest{};  // squared distances, ascending
    for (std::int64_t qi = 0; qi < queries; ++qi) {
        const std::int64_t q = qi * n / queries;
        nearest.fill(std::numeric_limits<double>::infinity());
        for (std::int64_t ri = 0; ri < references; ++ri) {
            const std::int64_t r = ri * n / references;
            if (r == q) continue;
            const double d2 = squared_distance(points + q * d, points + r * d, d);
            if (!(d2 < nearest[neighbours - 1])) continue;
            std::size_t j = neighbours - 1;
            for (; j > 0 && nearest[j - 1] > d2; --j) nearest[j] = nearest[j - 1];
            nearest[j] = d2;
        }
        if (!(nearest[0] > 0.0) || !std::isfinite(nearest[neighbours - 1])) continue;
        double log_ratios = 0.0;  // sum of log(r_k / r_j) = log(r_k^2 / r_j^2) / 2
        for (std::size_t j = 0; j + 1 < neighbours; ++j) log_ratios += std::log(nearest[neighbours - 1] / nearest[j]);
        log_ratio_sum += 0.5 * log_ratios / static_cast<double>(neighbours - 1);
        ++used;
    }
    if (used == 0 || !(log_ratio_sum > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(used) / log_ratio_sum;
}

}  // namespace cheeger::iso
