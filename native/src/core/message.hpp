// Builds error messages from pieces: strings, integers and doubles (shortest round-trip form).
#pragma once

#include <charconv>
#include <string>
#include <string_view>
#include <type_traits>

namespace cheeger {

namespace detail {

inline void append_piece(std::string& out, std::string_view piece) { out.append(piece); }

inline void append_piece(std::string& out, const char* piece) { out.append(piece); }

inline void append_piece(std::string& out, const std::string& piece) { out.append(piece); }

template <class Number, std::enable_if_t<std::is_arithmetic_v<Number>, int> = 0>
void append_piece(std::string& out, Number value) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

}  // namespace detail

/// The concatenation of the pieces, e.g. message("k = ", k, " exceeds n = ", n).
template <class... Pieces>
std::string message(const Pieces&... pieces) {
    std::string out;
    (detail::append_piece(out, pieces), ...);
    return out;
}

}  // namespace cheeger
