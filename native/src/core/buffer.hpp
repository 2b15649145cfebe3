// Growing the reusable buffers a context owns. Buffers only grow, so repeated calls of the same size allocate
// nothing; a failed allocation becomes CHEEGER_STATUS_OUT_OF_MEMORY naming the bytes and the buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>
#include <vector>

#include "cheeger.h"
#include "core/error.hpp"
#include "core/message.hpp"

namespace cheeger {

/// True once after arm_allocation_failure() on this thread: the next buffer allocation then fails (test hook,
/// see cheeger_testing.h).
bool take_armed_allocation_failure() noexcept;

/// Makes the next buffer allocation on this thread fail.
void arm_allocation_failure() noexcept;

/// Lets `successes` buffer allocations on this thread through, then makes the next one fail; negative disarms.
void arm_allocation_failure_after(std::int64_t successes) noexcept;

/// Ensures buffer.size() >= count; new elements are value-initialised (zero). `what` names the buffer in the
/// out-of-memory message.
template <class T, class Allocator>
void grow_buffer(std::vector<T, Allocator>& buffer, std::int64_t count, const char* what) {
    if (count <= static_cast<std::int64_t>(buffer.size())) return;
    const auto elements = static_cast<std::uint64_t>(count);
    if (elements > std::numeric_limits<std::size_t>::max() / sizeof(T) || elements > buffer.max_size()) {
        throw error(CHEEGER_STATUS_OUT_OF_MEMORY,
                    message("cannot allocate ", count, " x ", sizeof(T), " bytes for ", what,
                            ": the size exceeds the address space"));
    }
    const std::uint64_t bytes = elements * sizeof(T);
    try {
        if (take_armed_allocation_failure()) throw std::bad_alloc();
        buffer.resize(static_cast<std::size_t>(elements));
    } catch (const std::bad_alloc&) {
        throw error(CHEEGER_STATUS_OUT_OF_MEMORY, message("could not allocate ", bytes, " bytes for ", what));
    }
}

}  // namespace cheeger
