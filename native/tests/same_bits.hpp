// Bitwise equality of doubles (EXPECT_EQ on doubles is ==, which cannot tell -0.0 from 0.0).
#pragma once

#include <cstring>
#include <vector>

namespace cheeger_test {

inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

inline bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace cheeger_test
