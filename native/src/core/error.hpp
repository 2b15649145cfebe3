// The one exception type of the core: a cheeger_status and a message for cheeger_last_error.
#pragma once

#include <stdexcept>
#include <string>

#include "cheeger.h"

namespace cheeger {

/// A failure the C API reports as `status`, with `what()` as the message of cheeger_last_error.
class error : public std::runtime_error {
public:
    error(cheeger_status status, const std::string& message) : std::runtime_error(message), status_(status) {}

    [[nodiscard]] cheeger_status status() const noexcept { return status_; }

private:
    cheeger_status status_;
};

}  // namespace cheeger
