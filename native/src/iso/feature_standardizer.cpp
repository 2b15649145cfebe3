#include "iso/feature_standardizer.hpp"

#include <cmath>

namespace cheeger::iso {

void standardize_features(const double* points, std::int64_t n, std::int64_t d, double* out) noexcept {
    for (std::int64_t j = 0; j < d; ++j) {
        const double first = points[j];
        double sum = 0.0;
        bool constant = true;
        for (std::int64_t i = 0; i < n; ++i) {
            const double x = points[i * d + j];
            sum += x;
            constant &= x == first;
        }
        if (constant) {
            for (std::int64_t i = 0; i < n; ++i) out[i * d + j] = 0.0;  // zero variance: no information
            continue;
        }
        const double mean = sum / static_cast<double>(n);
        double squares = 0.0;
        for (std::int64_t i = 0; i < n; ++i) {
            const double diff = points[i * d + j] - mean;
            squares += diff * diff;
        }
        const double deviation = std::sqrt(squares / static_cast<double>(n));
        for (std::int64_t i = 0; i < n; ++i) out[i * d + j] = (points[i * d + j] - mean) / deviation;
    }
}

}  // namespace cheeger::iso
