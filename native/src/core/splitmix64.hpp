// SplitMix64 (Steele, Lea, Flood 2014), the generator every backend and language shares so that a seed means
// the same run everywhere (src/Cheeger.Clustering/SplitMix64.cs is the managed twin).
#pragma once

#include <cstdint>

#if defined(_MSC_VER)
#include <intrin.h>
#endif

namespace cheeger {

class splitmix64 {
public:
    explicit constexpr splitmix64(std::uint64_t seed) noexcept : state_(seed) {}

    /// The next 64 random bits.
    constexpr std::uint64_t next() noexcept {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }

    /// A number in [0, bound): the high 64 bits of the 128-bit product next() * bound (Lemire's multiply-shift,
    /// without the rejection step, exactly as the managed NextBelow).
    std::uint64_t next_below(std::uint64_t bound) noexcept {
#if defined(_MSC_VER)
        return __umulh(next(), bound);
#else
        __extension__ typedef unsigned __int128 uint128;
        const uint128 product = static_cast<uint128>(next()) * bound;
        return static_cast<std::uint64_t>(product >> 64U);
#endif
    }

private:
    std::uint64_t state_;
};

}  // namespace cheeger
