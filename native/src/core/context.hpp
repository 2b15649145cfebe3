// What a cheeger_context handle points to: the resolved backend, the host thread pool and the buffers reused
// across calls. A context runs one call at a time (call_mutex); contexts are independent of each other.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "cheeger.h"
#include "core/thread_pool.hpp"
#include "iso/iso_backend.hpp"
#include "iso/iso_workspace.hpp"
#include "kmeans/kmeans_workspace.hpp"

struct cheeger_context_t {
    /// A context on `backend` (already resolved: CPU or CUDA) with `threads` host threads (>= 1).
    cheeger_context_t(cheeger_backend backend, int threads);
    ~cheeger_context_t();

    cheeger_context_t(const cheeger_context_t&) = delete;
    cheeger_context_t& operator=(const cheeger_context_t&) = delete;

    const cheeger_backend backend;
    cheeger::thread_pool pool;
    cheeger::kmeans::workspace kmeans;
    /// The change count of each pass of the context's last k-means run (cheeger_kmeans_changes_per_pass).
    std::vector<std::int64_t> kmeans_changes_per_pass;
    /// The CUDA backend's device resources (stream, buffers), made by its first call; opaque outside
    /// native/src/cuda/, released with the context.
    std::shared_ptr<void> cuda_state;
    cheeger::iso::workspace iso;
    std::unique_ptr<cheeger::iso::stage_backend> iso_stages;  // created on the first isoperimetric call
    std::mutex call_mutex;
};

namespace cheeger {

/// Contexts constructed and not yet destroyed, process-wide.
std::int64_t live_context_count() noexcept;

/// The most host threads a context may ask for.
inline constexpr int max_context_threads = 4096;

}  // namespace cheeger
