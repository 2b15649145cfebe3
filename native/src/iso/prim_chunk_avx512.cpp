// The chunk kernel with eight vertices per AVX-512 vector. The library's baseline is AVX2: these functions carry
// target("avx512f") and run only when the CPU reported AVX-512F (core/cpu_kernel_family.hpp).
#include "core/cpu_kernel_family.hpp"
#include "iso/prim_chunk.hpp"

#if defined(CHEEGER_HAS_AVX512_KERNELS)

#include <immintrin.h>

#include <cstring>

namespace cheeger::iso {

namespace {

#define LANES 8
#define TARGET __attribute__((target("avx512f")))

TARGET inline bool any(long long __attribute__((vector_size(64))) mask) noexcept {
    const auto bits = reinterpret_cast<__m512i>(mask);
    return _mm512_test_epi64_mask(bits, bits) != 0;
}

#include "iso/prim_chunk_vector.inc"

#undef TARGET
#undef LANES

}  // namespace

prim_chunk_function prim_chunk_avx512() noexcept { return &offer_chunk_vector; }

}  // namespace cheeger::iso

#else

namespace cheeger::iso {

prim_chunk_function prim_chunk_avx512() noexcept { return nullptr; }

}  // namespace cheeger::iso

#endif
