// The chunk kernel with four vertices per AVX vector (the library's x86-64-v3 baseline).
#include "iso/prim_chunk.hpp"

#if defined(__GNUC__) && defined(__AVX__)

#include <immintrin.h>

#include <cstring>

namespace cheeger::iso {

namespace {

#define LANES 4
#define TARGET

inline bool any(long long __attribute__((vector_size(32))) mask) noexcept {
    return _mm256_movemask_pd(reinterpret_cast<__m256d>(mask)) != 0;
}

#include "iso/prim_chunk_vector.inc"

#undef TARGET
#undef LANES

}  // namespace

prim_chunk_function prim_chunk_avx2() noexcept { return &offer_chunk_vector; }

}  // namespace cheeger::iso

#else

namespace cheeger::iso {

prim_chunk_function prim_chunk_avx2() noexcept { return nullptr; }

}  // namespace cheeger::iso

#endif
