// What a cheeger_context handle points to: the resolved backend, the host thread pool, and each method's state
// (its stages, made for the backend by the context's first call of the method, and the buffers reused across
// calls). On CUDA both methods' stages run on the context's one device state (its stream). A context runs one
// call at a time (call_mutex); contexts are independent of each other.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "cheeger.h"
#include "core/thread_pool.hpp"
#include "cuda/cuda_backend.hpp"
#include "iso/iso_backend.hpp"
#include "iso/iso_progress.hpp"
#include "iso/iso_workspace.hpp"
#include "kmeans/kmeans_backend.hpp"

struct cheeger_context_t {
    /// A context on `backend` (already resolved: CPU or CUDA) with `threads` host threads (>= 1).
    cheeger_context_t(cheeger_backend backend, int threads);
    ~cheeger_context_t();

    cheeger_context_t(const cheeger_context_t&) = delete;
    cheeger_context_t& operator=(const cheeger_context_t&) = delete;

    /// The k-means stages of the backend, made on first use (a failure leaves none behind, and the next call
    /// tries again).
    cheeger::kmeans::stage_backend& kmeans_stages();

    /// The isoperimetric stages of the backend, made on first use (as kmeans_stages).
    cheeger::iso::stage_backend& iso_stages();

    const cheeger_backend backend;
    cheeger::thread_pool pool;
    /// The change count of each pass of the context's last k-means run (cheeger_kmeans_changes_per_pass).
    std::vector<std::int64_t> kmeans_changes_per_pass;
    /// The host buffers of the isoperimetric pipeline (every backend's).
    cheeger::iso::workspace iso;
    /// Where the isoperimetric calls report their progress (cheeger_context_set_progress; set under call_mutex).
    cheeger::iso::progress_sink progress;
    std::mutex call_mutex;

private:
    cheeger::cuda::device_state& device();

    // Declared before the stages, which run on it: destroyed after them.
    cheeger::cuda::device_handle device_;
    std::unique_ptr<cheeger::kmeans::stage_backend> kmeans_stages_;
    std::unique_ptr<cheeger::iso::stage_backend> iso_stages_;
};

namespace cheeger {

/// Contexts constructed and not yet destroyed, process-wide.
std::int64_t live_context_count() noexcept;

/// The most host threads a context may ask for.
inline constexpr int max_context_threads = 4096;

}  // namespace cheeger
