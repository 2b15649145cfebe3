// RAII ownership of a cheeger_context in tests: destroyed even when an assertion returns early.
#pragma once

#include <memory>
#include <type_traits>

#include "cheeger.h"

namespace cheeger_test {

struct context_deleter {
    void operator()(cheeger_context_t* context) const noexcept { cheeger_context_destroy(context); }
};

using context_handle = std::unique_ptr<cheeger_context_t, context_deleter>;

/// A context on `backend` with `threads` threads; null when creation failed (the test checks).
inline context_handle make_context(cheeger_backend backend, int threads) {
    cheeger_context raw = nullptr;
    if (cheeger_context_create(backend, threads, &raw) != CHEEGER_STATUS_OK) return context_handle{};
    return context_handle{raw};
}

}  // namespace cheeger_test
