#include "core/context.hpp"

#include <atomic>

namespace {

std::atomic<std::int64_t> live_contexts{0};

}  // namespace

cheeger_context_t::cheeger_context_t(cheeger_backend resolved_backend, int threads)
    : backend(resolved_backend), pool(threads) {
    live_contexts.fetch_add(1, std::memory_order_relaxed);
}

cheeger_context_t::~cheeger_context_t() { live_contexts.fetch_sub(1, std::memory_order_relaxed); }

namespace cheeger {

std::int64_t live_context_count() noexcept { return live_contexts.load(std::memory_order_relaxed); }

}  // namespace cheeger
