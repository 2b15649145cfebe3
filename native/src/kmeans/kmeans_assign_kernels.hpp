// The kernel families behind assign_block_for (kmeans_assign.hpp). Each returns its kernel for dimension d, or
// nullptr when the family is not compiled into this build. All give bit-identical labels and distances.
#pragma once

#include <cstdint>

#include "kmeans/kmeans_assign.hpp"

namespace cheeger::kmeans {

/// The plain loop (any CPU).
assign_block_function scalar_kernel(std::int64_t d) noexcept;

/// Four points per AVX2 vector (the x86-64-v3 baseline).
assign_block_function avx2_kernel(std::int64_t d) noexcept;

/// Eight points per AVX-512 vector, compiled with a function target attribute and used only when the CPU has
/// AVX-512F.
assign_block_function avx512_kernel(std::int64_t d) noexcept;

}  // namespace cheeger::kmeans
