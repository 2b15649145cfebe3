// The per-thread message behind cheeger_last_error.
#pragma once

#include <string_view>

namespace cheeger {

/// Records "<function>: <detail>" as this thread's last error. Never throws: when even that fails for lack of
/// memory, a fixed message takes its place.
void set_last_error(std::string_view function, std::string_view detail) noexcept;

/// Marks this thread's last call as successful (message "").
void clear_last_error() noexcept;

/// This thread's message, valid until its next call into the library.
const char* last_error() noexcept;

}  // namespace cheeger
