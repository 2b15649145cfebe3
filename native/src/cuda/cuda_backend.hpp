// The hooks through which the rest of the core reaches the CUDA backend. A build with CUDA implements them in
// native/src/cuda/*.cu (listed in CHEEGER_CUDA_SOURCES of CMakeLists.txt); a CPU-only build links
// cuda_backend_absent.cpp, which reports "not compiled in". Nothing outside native/src/cuda/ includes CUDA
// headers.
#pragma once

#include <string>

#include "cheeger.h"
#include "kmeans/kmeans_request.hpp"

struct cheeger_context_t;

namespace cheeger::cuda {

/// True when the CUDA backend is compiled into this library.
bool compiled_in() noexcept;

/// Fills the cuda_* fields of caps from the driver (device count, device 0's compute capability, memory and
/// name); leaves them 0/empty when CUDA is not compiled in or no device/driver is present. Never throws.
void query_devices(cheeger_capabilities& caps) noexcept;

/// Whether a context may run on CUDA; when not, `why` says why (not compiled in, no driver, no device).
bool usable(std::string& why);

/// Runs a validated k-means request on the context's device.
void kmeans_run(cheeger_context_t& context, const kmeans::request& call, cheeger_kmeans_info& info);

}  // namespace cheeger::cuda
