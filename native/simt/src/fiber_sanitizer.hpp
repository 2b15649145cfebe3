// Tells the address sanitizer about every switch between fiber stacks (its fiber-switch annotations), so that it
// checks each fiber against its own stack; no-ops in a build without it.
#pragma once

#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define SIMT_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIMT_ADDRESS_SANITIZER 1
#endif
#endif

#if defined(SIMT_ADDRESS_SANITIZER)
#include <sanitizer/common_interface_defs.h>
#endif

namespace simt::fiber_sanitizer {

/// Before switching to the stack [bottom, bottom + size): `fake_stack` keeps the leaving fiber's state (null: the
/// leaving fiber ends).
inline void start_switch(void** fake_stack, const void* bottom, std::size_t size) noexcept {
#if defined(SIMT_ADDRESS_SANITIZER)
    __sanitizer_start_switch_fiber(fake_stack, bottom, size);
#else
    (void)fake_stack, (void)bottom, (void)size;
#endif
}

/// First thing after arriving on a stack; *bottom and *size (when not null) receive the stack that was left.
inline void finish_switch(void* fake_stack, const void** bottom, std::size_t* size) noexcept {
#if defined(SIMT_ADDRESS_SANITIZER)
    __sanitizer_finish_switch_fiber(fake_stack, bottom, size);
#else
    (void)fake_stack, (void)bottom, (void)size;
#endif
}

}  // namespace simt::fiber_sanitizer
