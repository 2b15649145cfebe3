// Every argument check of cheeger_kmeans_run and cheeger_kmeans_sample_rows: the status and a message that
// names the problem.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "context_handle.hpp"
#include "kmeans_call.hpp"

namespace {

using cheeger_test::kmeans_params;
using cheeger_test::make_context;
using ::testing::HasSubstr;

class KMeansValidation : public ::testing::Test {
protected:
    void SetUp() override {
        context_ = make_context(CHEEGER_BACKEND_CPU, 1);
        ASSERT_TRUE(context_) << cheeger_last_error();
    }

    // Runs with the fixture's arguments as edited by the test; returns the status.
    cheeger_status run() {
        return cheeger_kmeans_run(context_.get(), points_ptr, n, d, params_ptr, initial_ptr, labels_ptr,
                                  centroids_ptr, nullptr);
    }

    static std::string error() { return cheeger_last_error(); }

    cheeger_test::context_handle context_;
    std::vector<double> points = {0, 0, 1, 0, 0, 1, 1, 1, 5, 5, 6, 5};  // 6 x 2
    std::vector<double> initial = {0, 0, 5, 5};
    std::vector<std::int32_t> labels = std::vector<std::int32_t>(6);
    std::vector<double> centroids = std::vector<double>(4);
    cheeger_kmeans_params params = kmeans_params(2);
    const double* points_ptr = points.data();
    std::int64_t n = 6;
    std::int64_t d = 2;
    const cheeger_kmeans_params* params_ptr = &params;
    const double* initial_ptr = initial.data();
    std::int32_t* labels_ptr = labels.data();
    double* centroids_ptr = centroids.data();
};

TEST_F(KMeansValidation, ValidCallSucceedsAndClearsTheError) {
    EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error();
    EXPECT_EQ(error(), "");
    EXPECT_EQ(labels, (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1}));
}

TEST_F(KMeansValidation, AnOlderSmallerParamsIsReadOnlyAsFarAsItGoes) {
    // A caller built before `precision` existed: the library must not read the bytes after `init`.
    params.struct_size = static_cast<std::int64_t>(offsetof(cheeger_kmeans_params, precision));
    params.precision = 99;  // not a cheeger_precision: refused if it were read
    EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error();
    EXPECT_EQ(labels, (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1}));
}

TEST_F(KMeansValidation, ALargerParamsThanTheLibraryKnowsIsRefused) {
    params.struct_size = static_cast<std::int64_t>(sizeof(cheeger_kmeans_params)) + 8;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: params->struct_size = 48 is larger than the 40-byte cheeger_kmeans_params "
                       "of this library (version " + std::to_string(CHEEGER_VERSION_MAJOR) + "." +
                           std::to_string(CHEEGER_VERSION_MINOR) + "." + std::to_string(CHEEGER_VERSION_PATCH) +
                           "): the caller was built against a newer cheeger.h");
}

TEST_F(KMeansValidation, AParamsSizeThatIsNoneOfItsPrefixesIsRefused) {
    params.struct_size = 0;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: params->struct_size = 0 is not the size of a cheeger_kmeans_params: fill "
                       "the struct with cheeger_kmeans_params_default first");
    params.struct_size = static_cast<std::int64_t>(offsetof(cheeger_kmeans_params, tolerance)) + 4;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: params->struct_size = 28 ends inside a field of cheeger_kmeans_params");
}

TEST_F(KMeansValidation, NullContext) {
    EXPECT_EQ(cheeger_kmeans_run(nullptr, points_ptr, n, d, params_ptr, initial_ptr, labels_ptr, centroids_ptr,
                                 nullptr),
              CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: context is NULL");
}

TEST_F(KMeansValidation, NullPoints) {
    points_ptr = nullptr;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: points is NULL");
}

TEST_F(KMeansValidation, NullParams) {
    params_ptr = nullptr;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: params is NULL");
}

TEST_F(KMeansValidation, NullLabels) {
    labels_ptr = nullptr;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: labels_out is NULL");
}

TEST_F(KMeansValidation, NullCentroids) {
    centroids_ptr = nullptr;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: centroids_out is NULL");
}

TEST_F(KMeansValidation, NullInitialCentroidsMeansSampledRows) {
    initial_ptr = nullptr;
    EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error();
}

TEST_F(KMeansValidation, NullInfoIsAllowed) { EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error(); }

TEST_F(KMeansValidation, NBelowOne) {
    for (std::int64_t bad : {std::int64_t{0}, std::int64_t{-3}}) {
        n = bad;
        EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
        EXPECT_EQ(error(), "cheeger_kmeans_run: n = " + std::to_string(bad) + " must be at least 1");
    }
}

TEST_F(KMeansValidation, DBelowOne) {
    d = 0;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: d = 0 must be at least 1");
}

TEST_F(KMeansValidation, SizeOverflow) {
    n = std::numeric_limits<std::int64_t>::max() / 2;
    d = 3;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_THAT(error(), HasSubstr("n * d = 4611686018427387903 * 3 overflows"));
}

TEST_F(KMeansValidation, KBelowOne) {
    params.k = 0;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: params->k = 0 must be at least 1");
}

TEST_F(KMeansValidation, KAboveN) {
    params.k = 7;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: params->k = 7 exceeds the number of points n = 6");
}

TEST_F(KMeansValidation, MaxIterationsBelowOne) {
    params.max_iterations = 0;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: params->max_iterations = 0 must be at least 1");
}

TEST_F(KMeansValidation, ToleranceNegativeOrNotFinite) {
    const double bad_values[] = {-0.5, std::numeric_limits<double>::quiet_NaN(),
                                 std::numeric_limits<double>::infinity()};
    const char* shown[] = {"-0.5", "nan", "inf"};
    for (int i = 0; i < 3; ++i) {
        params.tolerance = bad_values[i];
        EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
        EXPECT_EQ(error(), std::string("cheeger_kmeans_run: params->tolerance = ") + shown[i] +
                               " must be a finite number >= 0 (0 disables the test)");
    }
}

TEST_F(KMeansValidation, UnknownInit) {
    params.init = 1;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_THAT(error(), HasSubstr("params->init = 1 is not a cheeger_kmeans_init value"));
}

TEST_F(KMeansValidation, UnknownPrecision) {
    params.precision = -1;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_THAT(error(), HasSubstr("params->precision = -1 is not a cheeger_precision value"));
}

TEST_F(KMeansValidation, SinglePrecisionIsAcceptedAndTheCpuComputesInDouble) {
    params.precision = CHEEGER_PRECISION_SINGLE;
    EXPECT_EQ(run(), CHEEGER_STATUS_OK) << error();
}

TEST_F(KMeansValidation, NaNInPointsNamesRowAndColumn) {
    points[2 * 4 + 1] = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: points has a non-finite value (nan) at row 4, column 1 (0-based)");
}

TEST_F(KMeansValidation, InfinityInPointsNamesRowAndColumn) {
    points[2 * 5] = -std::numeric_limits<double>::infinity();
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(), "cheeger_kmeans_run: points has a non-finite value (-inf) at row 5, column 0 (0-based)");
}

TEST_F(KMeansValidation, NonFiniteValueFarIntoALargeInputIsFound) {
    std::vector<double> many(2 * 100000, 1.0);
    many[2 * 76543 + 1] = std::numeric_limits<double>::infinity();
    points_ptr = many.data();
    n = 100000;
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_THAT(error(), HasSubstr("(inf) at row 76543, column 1"));
}

TEST_F(KMeansValidation, NonFiniteInitialCentroid) {
    initial[3] = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(run(), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(error(),
              "cheeger_kmeans_run: initial_centroids has a non-finite value (nan) at row 1, column 1 (0-based)");
}

TEST(KMeansSampleRowsValidation, EveryBadArgument) {
    std::vector<std::int64_t> rows(4);
    EXPECT_EQ(cheeger_kmeans_sample_rows(10, 2, 0, nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_kmeans_sample_rows: rows_out is NULL");
    EXPECT_EQ(cheeger_kmeans_sample_rows(0, 1, 0, rows.data()), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_kmeans_sample_rows: n = 0 must be at least 1");
    EXPECT_EQ(cheeger_kmeans_sample_rows(10, 0, 0, rows.data()), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_kmeans_sample_rows: k = 0 must be at least 1");
    EXPECT_EQ(cheeger_kmeans_sample_rows(3, 4, 0, rows.data()), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()),
              "cheeger_kmeans_sample_rows: k = 4 exceeds the number of rows n = 3");
}

TEST(KMeansParamsDefault, DocumentedDefaults) {
    cheeger_kmeans_params params;
    params.k = -1;
    ASSERT_EQ(cheeger_kmeans_params_default(&params), CHEEGER_STATUS_OK);
    EXPECT_EQ(params.k, 8);
    EXPECT_EQ(params.max_iterations, 300);
    EXPECT_EQ(params.seed, 0u);
    EXPECT_EQ(params.tolerance, 0.0);
    EXPECT_EQ(params.init, CHEEGER_KMEANS_INIT_RANDOM);
    EXPECT_EQ(params.precision, CHEEGER_PRECISION_DOUBLE);
    EXPECT_EQ(cheeger_kmeans_params_default(nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(std::string(cheeger_last_error()), "cheeger_kmeans_params_default: out is NULL");
}

}  // namespace
