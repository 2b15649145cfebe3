// Empty clusters keep their previous centroid. Worked by hand (2-D, k = 3, n = 3):
//   points A(0,0) B(5,0) C(2,1); initial centroids c0 = (6,2), c1 = (6,0), c2 = (6,1).
//   pass 1: A: 40/36/37 -> c1; B: 5/1/2 -> c1; C: 17/17/16 -> c2. changes 3. inertia 36 + 1 + 16 = 53.
//           c0 is empty from the start and keeps (6,2); c1 = (2.5,0); c2 = (2,1).
//   pass 2: A: 40/6.25/5 -> c2; B: 5/6.25/10 -> c0; C: 17/1.25/0 -> c2. changes 2. inertia 10.
//           c1 had two points and now has none: it keeps (2.5,0). c0 = (5,0); c2 = (1,0.5).
//   pass 3: A: 25/6.25/1.25 -> c2; B: 0 -> c0; C: 10/1.25/1.25 -> c1 (tie, smaller index). changes 1.
//           inertia 2.5. c0 = (5,0), c1 = (2,1), c2 = (0,0).
//   pass 4: nothing changes; stop. inertia 0.
#include <gtest/gtest.h>

#include <vector>

#include "context_handle.hpp"
#include "kmeans_call.hpp"

namespace {

using cheeger_test::kmeans_params;
using cheeger_test::make_context;
using cheeger_test::run_kmeans;

const std::vector<double> points = {0, 0, 5, 0, 2, 1};
const std::vector<double> initial = {6, 2, 6, 0, 6, 1};

struct expected_pass {
    std::vector<std::int32_t> labels;
    std::vector<double> centroids;
    std::int64_t changes;
    double inertia;
};

TEST(KMeansEmptyCluster, EveryPassMatchesTheHandWorkedValues) {
    const std::vector<expected_pass> passes = {
        {{1, 1, 2}, {6, 2, 2.5, 0, 2, 1}, 3, 53.0},
        {{2, 0, 2}, {5, 0, 2.5, 0, 1, 0.5}, 2, 10.0},
        {{2, 0, 1}, {5, 0, 2, 1, 0, 0}, 1, 2.5},
        {{2, 0, 1}, {5, 0, 2, 1, 0, 0}, 0, 0.0},
    };
    for (int threads : {1, 2}) {
        auto context = make_context(CHEEGER_BACKEND_CPU, threads);
        ASSERT_TRUE(context) << cheeger_last_error();
        for (std::size_t p = 0; p < passes.size(); ++p) {
            SCOPED_TRACE(testing::Message() << "threads " << threads << ", after pass " << p + 1);
            const auto run = run_kmeans(context.get(), points, 2,
                                        kmeans_params(3, static_cast<std::int32_t>(p + 1)), initial);
            ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
            EXPECT_EQ(run.labels, passes[p].labels);
            EXPECT_EQ(run.centroids, passes[p].centroids);
            EXPECT_EQ(run.info.iterations, static_cast<std::int32_t>(p + 1));
            EXPECT_EQ(run.info.last_changes, passes[p].changes);
            EXPECT_EQ(run.info.inertia, passes[p].inertia);
        }
        const auto full = run_kmeans(context.get(), points, 2, kmeans_params(3, 300), initial);
        ASSERT_EQ(full.status, CHEEGER_STATUS_OK) << cheeger_last_error();
        EXPECT_EQ(full.info.iterations, 4);
        EXPECT_EQ(full.centroids, passes.back().centroids);
    }
}

TEST(KMeansEmptyCluster, ACentroidNoPointEverReachesIsReturnedUnchanged) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    // 10 000 points in [0, 1)^2 (three chunks), a third centroid far away that no point ever picks.
    std::vector<double> unit_square;
    for (int i = 0; i < 10000; ++i) {
        unit_square.push_back((i % 100) / 100.0);
        unit_square.push_back((i / 100) / 100.0);
    }
    const double far = 1e6 + 0.125;
    const auto run = run_kmeans(context.get(), unit_square, 2, kmeans_params(3, 50), {0, 0, 1, 1, far, -far});
    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_EQ(run.centroids[4], far);
    EXPECT_EQ(run.centroids[5], -far);
    for (const std::int32_t label : run.labels) ASSERT_NE(label, 2);
}

}  // namespace
