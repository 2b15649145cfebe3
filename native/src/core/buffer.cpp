#include "core/buffer.hpp"

namespace cheeger {

namespace {

// Allocations to let through before one fails on this thread; -1: none fails.
thread_local std::int64_t tls_allocations_before_failure = -1;

}  // namespace

bool take_armed_allocation_failure() noexcept {
    if (tls_allocations_before_failure < 0) return false;
    if (tls_allocations_before_failure > 0) {
        --tls_allocations_before_failure;
        return false;
    }
    tls_allocations_before_failure = -1;
    return true;
}

void arm_allocation_failure() noexcept { tls_allocations_before_failure = 0; }

void arm_allocation_failure_after(std::int64_t successes) noexcept { tls_allocations_before_failure = successes; }

}  // namespace cheeger
