// Argument checks shared by the entry points.
#pragma once

#include "cheeger.h"
#include "core/error.hpp"
#include "core/message.hpp"

namespace cheeger {

/// Throws CHEEGER_STATUS_INVALID_ARGUMENT "<name> is NULL" when `pointer` is null.
template <class T>
void require_not_null(const T* pointer, const char* name) {
    if (pointer == nullptr) throw error(CHEEGER_STATUS_INVALID_ARGUMENT, message(name, " is NULL"));
}

/// Throws CHEEGER_STATUS_INVALID_ARGUMENT with the message when `condition` is false.
template <class... Pieces>
void require(bool condition, const Pieces&... pieces) {
    if (!condition) throw error(CHEEGER_STATUS_INVALID_ARGUMENT, message(pieces...));
}

}  // namespace cheeger
