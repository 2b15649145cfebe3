// The shared sampler: SplitMix64 + partial Fisher-Yates, as the managed KMeansInitializer.SampleRows.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "cheeger.h"
#include "core/splitmix64.hpp"

namespace {

std::vector<std::int64_t> sample(std::int64_t n, std::int32_t k, std::uint64_t seed) {
    std::vector<std::int64_t> rows(static_cast<std::size_t>(k), -1);
    EXPECT_EQ(cheeger_kmeans_sample_rows(n, k, seed, rows.data()), CHEEGER_STATUS_OK) << cheeger_last_error();
    return rows;
}

// The documented algorithm written out over the full index array (the managed code's form), with the
// generator written out from its definition as well.
std::vector<std::int64_t> documented_sample(std::int64_t n, std::int32_t k, std::uint64_t seed) {
    std::uint64_t state = seed;
    auto next = [&state] {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    };
    std::vector<std::int64_t> index(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) index[static_cast<std::size_t>(i)] = i;
    for (std::int64_t i = 0; i < k; ++i) {
        // High 64 bits of next() * bound, from 32-bit halves (no 128-bit type needed).
        const std::uint64_t x = next();
        const auto bound = static_cast<std::uint64_t>(n - i);
        const std::uint64_t x_lo = x & 0xFFFFFFFFULL, x_hi = x >> 32U;
        const std::uint64_t b_lo = bound & 0xFFFFFFFFULL, b_hi = bound >> 32U;
        const std::uint64_t lo_lo = x_lo * b_lo, hi_lo = x_hi * b_lo, lo_hi = x_lo * b_hi, hi_hi = x_hi * b_hi;
        const std::uint64_t cross = (lo_lo >> 32U) + (hi_lo & 0xFFFFFFFFULL) + lo_hi;
        const std::uint64_t high = hi_hi + (hi_lo >> 32U) + (cross >> 32U);
        const auto j = i + static_cast<std::int64_t>(high);
        std::swap(index[static_cast<std::size_t>(i)], index[static_cast<std::size_t>(j)]);
    }
    index.resize(static_cast<std::size_t>(k));
    return index;
}

TEST(SplitMix64, MatchesThePublishedSequenceForSeedZero) {
    // splitmix64.c (Vigna) with x = 0.
    cheeger::splitmix64 rng(0);
    EXPECT_EQ(rng.next(), 0xE220A8397B1DCDAFULL);
    EXPECT_EQ(rng.next(), 0x6E789E6AA1B965F4ULL);
    EXPECT_EQ(rng.next(), 0x06C45D188009454FULL);
    EXPECT_EQ(rng.next(), 0xF88BB8A8724C81ECULL);
}

TEST(SplitMix64, NextBelowIsTheHighHalfOfTheProduct) {
    // 0xE220A8397B1DCDAF / 2^64 = 0.8833...: times 10 -> 8. 0x6E78... / 2^64 = 0.4315...: times 9 -> 3.
    // 0x06C4... / 2^64 = 0.0264...: times 8 -> 0.
    cheeger::splitmix64 rng(0);
    EXPECT_EQ(rng.next_below(10), 8u);
    EXPECT_EQ(rng.next_below(9), 3u);
    EXPECT_EQ(rng.next_below(8), 0u);
    cheeger::splitmix64 full(0);
    EXPECT_EQ(full.next_below(~0ULL), 0xE220A8397B1DCDAFULL - 1);  // x * (2^64 - 1) >> 64 = x - 1 for x > 0
}

TEST(SampleRows, HandComputedSeedZero) {
    // n = 10: j = 0 + 8 -> swap(0, 8); j = 1 + 3 = 4 -> swap(1, 4); j = 2 + 0 -> stays.
    EXPECT_EQ(sample(10, 3, 0), (std::vector<std::int64_t>{8, 4, 2}));
}

TEST(SampleRows, KnownValuesOfOtherSeeds) {
    // The managed KMeansInitializer.SampleRows prints the same rows for these arguments.
    EXPECT_EQ(sample(10, 3, 42), (std::vector<std::int64_t>{7, 2, 4}));
    EXPECT_EQ(sample(5, 5, 123), (std::vector<std::int64_t>{3, 4, 1, 2, 0}));
    EXPECT_EQ(sample(1000000, 5, 7), (std::vector<std::int64_t>{389829, 16789, 900760, 582931, 452444}));
}

TEST(SampleRows, SameRowsAsTheManagedSampler) {
    // Printed by KMeansInitializer.SampleRows (src/Cheeger.Clustering) for n = 65537, k = 40, seed 0xDEADBEEF.
    EXPECT_EQ(sample(65537, 40, 0xDEADBEEFULL),
              (std::vector<std::int64_t>{19168, 56921, 545,   29800, 15357, 43810, 23092, 45837, 2711,  9910,
                                         57915, 64382, 7103,  53129, 63001, 17199, 5018,  38209, 50550, 7199,
                                         37617, 57385, 21297, 23644, 48882, 18290, 32946, 23177, 17007, 12305,
                                         18763, 47744, 18384, 50873, 928,   12236, 9561,  34858, 35142, 44498}));
}

TEST(SampleRows, EqualsTheDocumentedAlgorithm) {
    // Both storage strategies of the library (full array when k is a large part of n, displaced entries only
    // otherwise) against the full-array algorithm.
    const std::pair<std::int64_t, std::int32_t> shapes[] = {{1, 1},   {2, 1},    {2, 2},    {17, 17},   {100, 13},
                                                            {100, 12}, {100, 99}, {5000, 3}, {5000, 4000}, {65537, 40}};
    for (const auto& [n, k] : shapes) {
        for (std::uint64_t seed : {0ULL, 1ULL, 0xDEADBEEFULL, ~0ULL}) {
            EXPECT_EQ(sample(n, k, seed), documented_sample(n, k, seed)) << "n " << n << " k " << k << " seed " << seed;
        }
    }
}

TEST(SampleRows, RowsAreDistinctAndInRange) {
    const auto rows = sample(1000, 1000, 99);
    const std::set<std::int64_t> distinct(rows.begin(), rows.end());
    EXPECT_EQ(distinct.size(), rows.size());
    EXPECT_EQ(*distinct.begin(), 0);
    EXPECT_EQ(*distinct.rbegin(), 999);
}

TEST(SampleRows, HugeNWithSmallKNeedsNoIndexArray) {
    const std::int64_t n = std::int64_t{1} << 60;
    const auto rows = sample(n, 4, 5);
    for (const std::int64_t row : rows) {
        EXPECT_GE(row, 0);
        EXPECT_LT(row, n);
    }
    EXPECT_EQ(std::set<std::int64_t>(rows.begin(), rows.end()).size(), 4u);
}

}  // namespace
