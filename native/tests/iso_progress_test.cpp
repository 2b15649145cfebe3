// cheeger_context_set_progress: an isoperimetric run reports every stage in order, each starting at 0 with
// fractions in [0, 1] that never decrease, the spanning tree's rounds or Prim's steps and the search's probes
// (a few dozen reports, never one per point), all on the calling thread, and ends with LABELS at 1; the labels are
// those of a run without a callback; NULL clears the callback.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "context_handle.hpp"
#include "iso_call.hpp"
#include "test_data.hpp"

namespace {

struct report {
    std::int32_t stage;
    double fraction;
    std::thread::id thread;
};

void record(void* user_data, std::int32_t stage, double fraction) {
    static_cast<std::vector<report>*>(user_data)->push_back(report{stage, fraction, std::this_thread::get_id()});
}

// The reports of one stage, in the order made.
std::vector<double> fractions_of(const std::vector<report>& reports, cheeger_iso_stage stage) {
    std::vector<double> fractions;
    for (const report& r : reports) {
        if (r.stage == stage) fractions.push_back(r.fraction);
    }
    return fractions;
}

// What every run's reports satisfy, whatever the algorithm.
void expect_well_formed(const std::vector<report>& reports, bool standardized, const std::string& what) {
    ASSERT_FALSE(reports.empty()) << what;
    const std::thread::id caller = std::this_thread::get_id();
    std::int32_t stage = reports.front().stage;
    double last = -1.0;
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const report& r = reports[i];
        EXPECT_EQ(r.thread, caller) << what << ": report " << i << " came from another thread";
        EXPECT_GE(r.fraction, 0.0) << what << ": report " << i;
        EXPECT_LE(r.fraction, 1.0) << what << ": report " << i;
        ASSERT_GE(r.stage, stage) << what << ": report " << i << " goes back to an earlier stage";
        if (r.stage != stage || i == 0) {
            EXPECT_EQ(r.fraction, 0.0) << what << ": stage " << r.stage << " does not start at 0";
            stage = r.stage;
        } else {
            EXPECT_GE(r.fraction, last) << what << ": stage " << r.stage << " went backwards at report " << i;
        }
        last = r.fraction;
    }
    EXPECT_EQ(reports.front().stage, standardized ? CHEEGER_ISO_STAGE_STANDARDIZE : CHEEGER_ISO_STAGE_SPANNING_TREE)
        << what;
    for (cheeger_iso_stage s : {CHEEGER_ISO_STAGE_SPANNING_TREE, CHEEGER_ISO_STAGE_WEIGHTS, CHEEGER_ISO_STAGE_SEARCH,
                                CHEEGER_ISO_STAGE_LABELS}) {
        EXPECT_FALSE(fractions_of(reports, s).empty()) << what << ": no report of stage " << s;
    }
    EXPECT_EQ(reports.back().stage, CHEEGER_ISO_STAGE_LABELS) << what;
    EXPECT_EQ(reports.back().fraction, 1.0) << what;
    EXPECT_LT(reports.size(), 200U) << what << ": far more reports than stages, rounds and probes";
}

constexpr std::int64_t n = 3000;
constexpr std::int64_t d = 2;

struct progress_case {
    cheeger_iso_spanning_tree algorithm;
    int threads;
};

class IsoProgress : public ::testing::TestWithParam<progress_case> {};

TEST_P(IsoProgress, ReportsEveryStageInOrderOnTheCallingThreadAndEndsWithTheLabels) {
    const std::vector<double> points = cheeger_test::blob_points(n, d, 5, 41);
    auto context = cheeger_test::make_context(CHEEGER_BACKEND_CPU, GetParam().threads);
    ASSERT_TRUE(context);
    cheeger_iso_params params = cheeger_test::iso_params(5);
    params.spanning_tree = GetParam().algorithm;
    params.standardize = 1;
    params.full_labels = 1;
    const cheeger_test::iso_outcome quiet = cheeger_test::run_iso(context.get(), points, d, params);
    ASSERT_EQ(quiet.status, CHEEGER_STATUS_OK) << cheeger_last_error();

    std::vector<report> reports;
    ASSERT_EQ(cheeger_context_set_progress(context.get(), &record, &reports), CHEEGER_STATUS_OK);
    const cheeger_test::iso_outcome reported = cheeger_test::run_iso(context.get(), points, d, params);
    ASSERT_EQ(reported.status, CHEEGER_STATUS_OK) << cheeger_last_error();

    const std::string what =
        "spanning tree " + std::to_string(GetParam().algorithm) + ", " + std::to_string(GetParam().threads) + " threads";
    expect_well_formed(reports, true, what);
    EXPECT_EQ(reported.labels, quiet.labels) << what;
    EXPECT_EQ(reported.full_labels, quiet.full_labels) << what;

    const std::vector<double> tree = fractions_of(reports, CHEEGER_ISO_STAGE_SPANNING_TREE);
    if (GetParam().algorithm == CHEEGER_ISO_SPANNING_TREE_PRIM && GetParam().threads == 1) {
        // The start, then every 2 % (60 steps) of the 2999 steps, and the last.
        EXPECT_EQ(tree.size(), 1U + 49U + 1U) << what;
        EXPECT_EQ(tree.back(), 1.0) << what;
    } else if (GetParam().algorithm == CHEEGER_ISO_SPANNING_TREE_PRIM) {
        // The steps the calling thread sees between its chunks (fewer when it lost its core and retired, then
        // looked every millisecond), and the last one.
        EXPECT_GE(tree.size(), 2U) << what;
        EXPECT_EQ(tree.back(), 1.0) << what;
    } else {
        // The start and one report per round, the last round leaving one component (fraction exactly 1).
        EXPECT_GE(tree.size(), 4U) << what;
        EXPECT_LE(tree.size(), 1U + 32U) << what;
        EXPECT_EQ(tree.back(), 1.0) << what;
    }
    // The start and one report per probe of the search, which ends near its expected count.
    const std::vector<double> search = fractions_of(reports, CHEEGER_ISO_STAGE_SEARCH);
    EXPECT_EQ(search.size(), 1U + std::size_t(reported.info.decisions)) << what;
    EXPECT_GE(search.back(), 0.9) << what << ": " << reported.info.decisions << " probes";
}

INSTANTIATE_TEST_SUITE_P(SpanningTrees, IsoProgress,
                         ::testing::Values(progress_case{CHEEGER_ISO_SPANNING_TREE_PRIM, 1},
                                           progress_case{CHEEGER_ISO_SPANNING_TREE_PRIM, 2},
                                           progress_case{CHEEGER_ISO_SPANNING_TREE_BORUVKA, 2},
                                           progress_case{CHEEGER_ISO_SPANNING_TREE_KDTREE, 2}));

TEST(IsoProgressCallback, NullClearsItAndARunWithoutOneReportsNothing) {
    const std::vector<double> points = cheeger_test::blob_points(500, 3, 3, 7);
    auto context = cheeger_test::make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context);
    std::vector<report> reports;
    ASSERT_EQ(cheeger_context_set_progress(context.get(), &record, &reports), CHEEGER_STATUS_OK);
    ASSERT_EQ(cheeger_context_set_progress(context.get(), nullptr, &reports), CHEEGER_STATUS_OK);

    const cheeger_test::iso_outcome run = cheeger_test::run_iso(context.get(), points, 3, cheeger_test::iso_params(3));

    ASSERT_EQ(run.status, CHEEGER_STATUS_OK) << cheeger_last_error();
    EXPECT_TRUE(reports.empty());
}

TEST(IsoProgressCallback, TheStageCallsReportTheirOwnStages) {
    const std::vector<double> points = cheeger_test::blob_points(800, 2, 3, 9);
    auto context = cheeger_test::make_context(CHEEGER_BACKEND_CPU, 2);
    ASSERT_TRUE(context);
    std::vector<report> reports;
    ASSERT_EQ(cheeger_context_set_progress(context.get(), &record, &reports), CHEEGER_STATUS_OK);

    const auto size = static_cast<std::size_t>(800);
    std::vector<std::int32_t> parent(size), depth(size), sibling(size), order(size);
    std::vector<double> squared(size), length(size);
    ASSERT_EQ(cheeger_iso_mst(context.get(), points.data(), 800, 2, CHEEGER_ISO_SPANNING_TREE_AUTO,
                              parent.data(), squared.data(), length.data(),
                              depth.data(), sibling.data(), order.data()),
              CHEEGER_STATUS_OK)
        << cheeger_last_error();
    ASSERT_FALSE(reports.empty());
    for (const report& r : reports) EXPECT_EQ(r.stage, CHEEGER_ISO_STAGE_SPANNING_TREE);
    EXPECT_EQ(reports.front().fraction, 0.0);
}

TEST(IsoProgressCallback, RefusesANullContext) {
    EXPECT_EQ(cheeger_context_set_progress(nullptr, &record, nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(cheeger_last_error()).find("context"), std::string::npos);
}

}  // namespace
