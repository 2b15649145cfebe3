// cheeger_last_error: per thread, set by a failed call, cleared by a successful one.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "cheeger.h"

namespace {

std::string last_error() { return cheeger_last_error(); }

TEST(LastError, EmptyOnAFreshThread) {
    std::string seen = "not run";
    std::thread([&] { seen = last_error(); }).join();
    EXPECT_EQ(seen, "");
}

TEST(LastError, FailureSetsTheMessageWithTheFunctionName) {
    EXPECT_EQ(cheeger_version_get(nullptr, nullptr, nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(last_error(), "cheeger_version_get: major is NULL");
}

TEST(LastError, SuccessClearsIt) {
    ASSERT_EQ(cheeger_capabilities_get(nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    ASSERT_NE(last_error(), "");
    cheeger_capabilities caps{};
    ASSERT_EQ(cheeger_capabilities_get(&caps), CHEEGER_STATUS_OK);
    EXPECT_EQ(last_error(), "");
}

TEST(LastError, CallsWithoutStatusLeaveItAsItIs) {
    ASSERT_EQ(cheeger_capabilities_get(nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    const std::string message = last_error();
    (void)cheeger_live_context_count();
    (void)cheeger_last_error();
    EXPECT_EQ(last_error(), message);
}

TEST(LastError, EachThreadSeesOnlyItsOwnMessage) {
    ASSERT_EQ(cheeger_capabilities_get(nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    const std::string main_message = last_error();

    std::string other_before;
    std::string other_after;
    std::thread([&] {
        other_before = last_error();
        cheeger_context context = nullptr;
        (void)cheeger_context_create(CHEEGER_BACKEND_CPU, -1, &context);
        other_after = last_error();
    }).join();

    EXPECT_EQ(other_before, "");
    EXPECT_EQ(other_after, "cheeger_context_create: threads = -1 must be >= 0 (0 = every hardware thread)");
    EXPECT_EQ(last_error(), main_message);
    EXPECT_EQ(main_message, "cheeger_capabilities_get: out is NULL");
}

TEST(LastError, ASuccessOnAnotherThreadDoesNotClearThisOne) {
    ASSERT_EQ(cheeger_version_get(nullptr, nullptr, nullptr), CHEEGER_STATUS_INVALID_ARGUMENT);
    std::thread([] {
        std::int32_t major = 0;
        std::int32_t minor = 0;
        std::int32_t patch = 0;
        (void)cheeger_version_get(&major, &minor, &patch);
    }).join();
    EXPECT_EQ(last_error(), "cheeger_version_get: major is NULL");
}

}  // namespace
