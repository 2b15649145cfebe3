#include "api/context.hpp"

#include <atomic>

#include "iso/iso_cpu_stages.hpp"
#include "kmeans/kmeans_cpu_stages.hpp"

namespace {

std::atomic<std::int64_t> live_contexts{0};

}  // namespace

cheeger_context_t::cheeger_context_t(cheeger_backend resolved_backend, int threads)
    : backend(resolved_backend), pool(threads) {
    live_contexts.fetch_add(1, std::memory_order_relaxed);
}

cheeger_context_t::~cheeger_context_t() { live_contexts.fetch_sub(1, std::memory_order_relaxed); }

cheeger::cuda::device_state& cheeger_context_t::device() {
    if (!device_) device_ = cheeger::cuda::open_device();
    return *device_;
}

cheeger::kmeans::stage_backend& cheeger_context_t::kmeans_stages() {
    if (!kmeans_stages_) {
        kmeans_stages_ = backend == CHEEGER_BACKEND_CUDA ? cheeger::cuda::make_kmeans_stages(device())
                                                         : cheeger::kmeans::make_cpu_stages(pool);
    }
    return *kmeans_stages_;
}

cheeger::iso::stage_backend& cheeger_context_t::iso_stages() {
    if (!iso_stages_) {
        iso_stages_ = backend == CHEEGER_BACKEND_CUDA ? cheeger::cuda::make_iso_stages(device(), pool)
                                                      : cheeger::iso::make_cpu_stages(pool);
    }
    return *iso_stages_;
}

namespace cheeger {

std::int64_t live_context_count() noexcept { return live_contexts.load(std::memory_order_relaxed); }

}  // namespace cheeger
