// The instruction-set family of the CPU kernels (k-means assignment, Prim chunks), chosen once per process for
// every method: the one named by the environment variable CHEEGER_CPU_KERNEL ("scalar", "avx2", "avx512") when
// it is set, else the widest this build and CPU support. Every family gives the same bits; the choice is speed.
#pragma once

// The AVX-512 kernels are compiled (with a function target attribute) wherever the compiler can: they run only
// after the CPU reported AVX-512F.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CHEEGER_HAS_AVX512_KERNELS 1
#endif

namespace cheeger {

enum class cpu_kernel_family { scalar, avx2, avx512 };

/// The family in use. When CHEEGER_CPU_KERNEL names a family this build or CPU lacks, the widest available one
/// (the request is refused by require_cpu_kernel_available).
cpu_kernel_family cpu_kernel_in_use() noexcept;

/// The name of the family in use ("scalar", "avx2", "avx512").
const char* cpu_kernel_name() noexcept;

/// Throws CHEEGER_STATUS_UNSUPPORTED naming the request when CHEEGER_CPU_KERNEL names an unavailable family.
void require_cpu_kernel_available();

}  // namespace cheeger
