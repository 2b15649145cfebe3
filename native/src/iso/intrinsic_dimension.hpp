// The intrinsic dimension of a point set, estimated from a small strided sample: what AUTO's spanning-tree choice
// asks when the ambient dimension alone would pick Prim (cheeger.h, CHEEGER_ISO_DIMENSION_SAMPLE_*).
#pragma once

#include <cstdint>

namespace cheeger::iso {

/// Levina and Bickel's maximum-likelihood estimate: for each of the sample's queries, the mean log ratio of its
/// farthest to its nearer sampled neighbours; the estimate is the inverse of that mean over the queries. Queries
/// with a duplicate among their neighbours carry no scale and are left out; NaN when every query is. About
/// QUERIES x REFERENCES x d operations, whatever n. The same operations in the same order as the managed
/// IntrinsicDimension, so the same bits.
double intrinsic_dimension(const double* points, std::int64_t n, std::int64_t d) noexcept;

}  // namespace cheeger::iso
