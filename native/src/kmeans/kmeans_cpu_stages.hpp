// The CPU implementation of the k-means stages (kmeans_backend.hpp), on the context's thread pool.
#pragma once

#include <memory>

#include "core/thread_pool.hpp"
#include "kmeans/kmeans_backend.hpp"

namespace cheeger::kmeans {

/// The CPU stages for a context's pool (the pool must outlive them).
std::unique_ptr<stage_backend> make_cpu_stages(thread_pool& pool);

}  // namespace cheeger::kmeans
