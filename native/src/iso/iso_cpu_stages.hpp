// The CPU implementation of the isoperimetric stages, on the context's thread pool.
#pragma once

#include <memory>

#include "core/thread_pool.hpp"
#include "iso/iso_backend.hpp"

namespace cheeger::iso {

/// The CPU stages for a context's pool (the pool must outlive them).
std::unique_ptr<stage_backend> make_cpu_stages(thread_pool& pool);

}  // namespace cheeger::iso
