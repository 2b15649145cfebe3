#include "core/buffer.hpp"

namespace cheeger {

namespace {

thread_local bool tls_fail_next_allocation = false;

}  // namespace

bool take_armed_allocation_failure() noexcept {
    const bool armed = tls_fail_next_allocation;
    tls_fail_next_allocation = false;
    return armed;
}

void arm_allocation_failure() noexcept { tls_fail_next_allocation = true; }

}  // namespace cheeger
