// The strict total order on edges of spec §2.2: key(u, v) = (d2(u, v), min(u, v), max(u, v)), compared
// lexicographically. Under it the minimum spanning tree is unique, so every exact MST algorithm agrees.
#pragma once

#include <algorithm>
#include <cstdint>

namespace cheeger::iso {

/// True when edge (a1, b1) of squared length d2_first precedes edge (a2, b2) of squared length d2_second.
inline bool edge_precedes(double d2_first, std::int32_t a1, std::int32_t b1, double d2_second, std::int32_t a2,
                          std::int32_t b2) noexcept {
    if (d2_first != d2_second) return d2_first < d2_second;
    const std::int32_t lo1 = std::min(a1, b1), lo2 = std::min(a2, b2);
    if (lo1 != lo2) return lo1 < lo2;
    return std::max(a1, b1) < std::max(a2, b2);
}

}  // namespace cheeger::iso
