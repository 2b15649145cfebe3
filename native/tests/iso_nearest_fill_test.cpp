// The CPU full labelling (spec §7.2, nearest_fill_cpu) gives what a scan of every labelled point gives: the label of
// the nearest labelled point, ties to the smallest index. On lattices every outlier sits at exactly equal distances
// from several labelled points with different labels (the tie rule decides), on random data the kd-tree's pruning
// decides, and on duplicates d2 = 0 ties; each on 1 and 3 threads.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/thread_pool.hpp"
#include "iso/nearest_fill_cpu.hpp"
#include "iso/squared_distance.hpp"

namespace {

// The spec's rule written plainly: every labelled point in index order, a strict compare.
std::vector<std::int32_t> scan_fill(const std::vector<double>& points, std::int64_t d,
                                    const std::vector<std::int32_t>& labels) {
    const auto n = static_cast<std::int64_t>(labels.size());
    std::vector<std::int32_t> full(labels);
    for (std::int64_t v = 0; v < n; ++v) {
        if (labels[size_t(v)] >= 0) continue;
        std::int64_t best = -1;
        double best_d2 = 0.0;
        for (std::int64_t u = 0; u < n; ++u) {
            if (labels[size_t(u)] < 0) continue;
            const double d2 = cheeger::iso::squared_distance(points.data() + v * d, points.data() + u * d, d);
            if (best < 0 || d2 < best_d2) {
                best = u;
                best_d2 = d2;
            }
        }
        full[size_t(v)] = labels[size_t(best)];
    }
    return full;
}

void expect_scan_result(const std::string& name, const std::vector<double>& points, std::int64_t d,
                        const std::vector<std::int32_t>& labels) {
    const std::vector<std::int32_t> expected = scan_fill(points, d, labels);
    for (const int threads : {1, 3}) {
        cheeger::thread_pool pool(threads);
        cheeger::iso::nearest_fill_workspace ws;
        std::vector<std::int32_t> full(labels.size(), -7);
        // Twice on one workspace: the reused buffers give the same answer.
        for (int round = 0; round < 2; ++round) {
            cheeger::iso::nearest_fill(pool, ws, points.data(), static_cast<std::int64_t>(labels.size()), d,
                                       labels.data(), full.data());
            EXPECT_EQ(full, expected) << name << ", " << threads << " threads, round " << round;
        }
    }
}

// The side^d lattice; every point whose coordinate sum is odd is an outlier, the others are labelled by a hash of
// their index, so each outlier has 2d labelled neighbours at distance exactly 1, mostly with different labels.
void lattice_case(int side, int d) {
    std::vector<double> points;
    std::vector<std::int32_t> labels;
    std::vector<int> at(static_cast<size_t>(d), 0);
    for (std::int64_t index = 0;; ++index) {
        int sum = 0;
        for (int j = 0; j < d; ++j) {
            points.push_back(0.5 * at[size_t(j)]);  // spacing 0.5: squares exact, ties exact
            sum += at[size_t(j)];
        }
        labels.push_back(sum % 2 == 1 ? -1 : static_cast<std::int32_t>((index * 7919) % 5));
        int j = d - 1;
        while (j >= 0 && ++at[size_t(j)] == side) at[size_t(j--)] = 0;
        if (j < 0) break;
    }
    expect_scan_result("lattice " + std::to_string(side) + "^" + std::to_string(d), points, d, labels);
}

TEST(IsoNearestFill, LatticeTiesGoToTheSmallestIndex) {
    lattice_case(40, 1);
    lattice_case(30, 2);
    lattice_case(12, 3);
    lattice_case(5, 5);
}

TEST(IsoNearestFill, RandomPointsAndManyOutliersEqualTheScan) {
    std::mt19937_64 random(20261215);
    for (const std::int64_t d : {1, 2, 3, 6, 11}) {
        const std::int64_t n = 3000;
        std::normal_distribution<double> coordinate(0.0, 1.0);
        std::uniform_int_distribution<int> label(-1, 3);  // about a fifth are outliers
        std::vector<double> points(static_cast<size_t>(n * d));
        for (double& x : points) x = coordinate(random);
        std::vector<std::int32_t> labels(static_cast<size_t>(n));
        for (auto& l : labels) l = label(random);
        labels[size_t(n / 2)] = 2;  // at least one labelled point
        expect_scan_result("random d = " + std::to_string(d), points, d, labels);
    }
}

TEST(IsoNearestFill, DuplicatesAndASingleLabelledPoint) {
    // Equal points (d2 = 0 to several labelled copies with different labels), then one labelled point for all.
    const std::vector<double> copies = {1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 2, 2};
    expect_scan_result("duplicates", copies, 2, {-1, 3, 1, -1, 0, 4, -1, -1});
    std::vector<double> line;
    for (int i = 0; i < 100; ++i) line.push_back(i * 0.25);
    std::vector<std::int32_t> one(100, -1);
    one[37] = 6;
    expect_scan_result("one labelled point", line, 1, one);
}

}  // namespace
