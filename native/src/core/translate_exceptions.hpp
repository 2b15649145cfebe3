// The boundary of every extern "C" entry point: runs the body, turns every C++ exception into a status and
// this thread's last-error message, so that no exception ever crosses into C (or .NET) and aborts the process.
#pragma once

#include <exception>
#include <new>
#include <string>

#include "cheeger.h"
#include "core/error.hpp"
#include "core/last_error.hpp"

namespace cheeger {

/// Runs `body`; returns CHEEGER_STATUS_OK and clears the last error when it returns, or the status of the
/// exception it threw with "<function>: <message>" as the last error.
template <class Body>
cheeger_status translate_exceptions(const char* function, Body&& body) noexcept {
    try {
        body();
        clear_last_error();
        return CHEEGER_STATUS_OK;
    } catch (const error& e) {
        set_last_error(function, e.what());
        return e.status();
    } catch (const std::bad_alloc& e) {
        set_last_error(function, std::string("out of host memory (") + e.what() + ")");
        return CHEEGER_STATUS_OUT_OF_MEMORY;
    } catch (const std::exception& e) {
        set_last_error(function, std::string("internal error: ") + e.what());
        return CHEEGER_STATUS_INTERNAL_ERROR;
    } catch (...) {
        set_last_error(function, "internal error: an exception of unknown type");
        return CHEEGER_STATUS_INTERNAL_ERROR;
    }
}

}  // namespace cheeger
