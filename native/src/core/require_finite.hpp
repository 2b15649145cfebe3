// The finiteness check of every input matrix (points, initial centroids), shared by the methods.
#pragma once

#include <cstdint>

namespace cheeger {

/// Throws INVALID_ARGUMENT naming `what`, the row and the column of the first NaN or infinity of the
/// rows x d matrix `values`.
void require_finite(const double* values, std::int64_t rows, std::int64_t d, const char* what);

}  // namespace cheeger
