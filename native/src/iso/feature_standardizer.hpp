// Z-scoring of the features (spec §11 #19: a user option, never implicit), exactly as the managed
// FeatureStandardizer: x -> (x - mean) / std with the mean and the population standard deviation (divided by n)
// summed in row order; a feature with zero variance (equal values, or differences below what the variance resolves)
// is set to 0, and a feature whose mean or variance overflows is refused (INVALID_ARGUMENT).
#pragma once

#include <cstdint>

namespace cheeger::iso {

/// Writes the z-scored n x d points to `out` (n x d).
void standardize_features(const double* points, std::int64_t n, std::int64_t d, double* out);

}  // namespace cheeger::iso
