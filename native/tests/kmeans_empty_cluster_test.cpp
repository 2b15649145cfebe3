// Empty clusters keep their previous centroid: the hand-worked examples (kmeans_worked_examples.hpp) on the CPU.
#include <gtest/gtest.h>

#include "context_handle.hpp"
#include "kmeans_worked_examples.hpp"

namespace {

using cheeger_test::make_context;

TEST(KMeansEmptyCluster, EveryPassMatchesTheHandWorkedValues) {
    for (int threads : {1, 2}) {
        SCOPED_TRACE(testing::Message() << "threads " << threads);
        auto context = make_context(CHEEGER_BACKEND_CPU, threads);
        ASSERT_TRUE(context) << cheeger_last_error();
        cheeger_test::expect_empty_cluster_passes(context.get());
    }
}

TEST(KMeansEmptyCluster, ACentroidNoPointEverReachesIsReturnedUnchanged) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    cheeger_test::expect_unreached_centroid_kept(context.get());
}

}  // namespace
