// Z-scoring of the features (spec §11 #19: a user option, never implicit), exactly as the managed
// FeatureStandardizer: x -> (x - mean) / std with the mean and the population standard deviation (divided by n)
// summed in row order; a feature whose values are all equal is set to 0.
#pragma once

#include <cstdint>

namespace cheeger::iso {

/// Writes the z-scored n x d points to `out` (n x d).
void standardize_features(const double* points, std::int64_t n, std::int64_t d, double* out) noexcept;

}  // namespace cheeger::iso
