#include "core/last_error.hpp"

#include <string>

namespace cheeger {

namespace {

thread_local std::string tls_message;
// Set when tls_message could not hold the real message (allocation failed while reporting a failure).
thread_local const char* tls_fallback = nullptr;

}  // namespace

void set_last_error(std::string_view function, std::string_view detail) noexcept {
    try {
        tls_message.clear();
        tls_message.reserve(function.size() + 2 + detail.size());
        tls_message.append(function).append(": ").append(detail);
        tls_fallback = nullptr;
    } catch (...) {
        tls_fallback = "out of memory while recording the error message";
    }
}

void clear_last_error() noexcept {
    tls_message.clear();  // keeps the capacity: no allocation on the success path
    tls_fallback = nullptr;
}

const char* last_error() noexcept { return tls_fallback != nullptr ? tls_fallback : tls_message.c_str(); }

}  // namespace cheeger
