// The study's stop rule on the CPU: the hand-worked examples of kmeans_worked_examples.hpp.
#include <gtest/gtest.h>

#include "context_handle.hpp"
#include "kmeans_worked_examples.hpp"

namespace {

using cheeger_test::make_context;

TEST(KMeansStopRule, StopsWhenChangesAreAtMostOnePercentOfN) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    cheeger_test::expect_stop_at_one_percent(context.get());
}

TEST(KMeansStopRule, GoesOnWhileChangesExceedOnePercentOfN) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context) << cheeger_last_error();
    cheeger_test::expect_go_on_above_one_percent(context.get());
}

TEST(KMeansStopRule, MaxIterationsBoundsThePasses) {
    auto context = make_context(CHEEGER_BACKEND_CPU, 1);
    ASSERT_TRUE(context) << cheeger_last_error();
    cheeger_test::expect_max_iterations_bound(context.get());
}

}  // namespace
