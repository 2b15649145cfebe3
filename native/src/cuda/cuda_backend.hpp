// The hooks through which the rest of the core reaches the CUDA backend. A build with CUDA implements them in
// native/src/cuda/*.cu (listed in CHEEGER_CUDA_SOURCES of CMakeLists.txt); a CPU-only build links
// cuda_backend_absent.cpp, which reports "not compiled in". Nothing outside native/src/cuda/ includes CUDA
// headers.
#pragma once

#include <memory>
#include <string>

#include "cheeger.h"
#include "core/thread_pool.hpp"
#include "iso/iso_backend.hpp"
#include "kmeans/kmeans_backend.hpp"

namespace cheeger::cuda {

/// True when the CUDA backend is compiled into this library.
bool compiled_in() noexcept;

/// Fills the cuda_* fields of caps from the driver (device count, device 0's compute capability, memory and
/// name); leaves them 0/empty when CUDA is not compiled in or no device/driver is present. Never throws.
void query_devices(cheeger_capabilities& caps) noexcept;

/// Whether a context may run on CUDA; when not, `why` says why (not compiled in, no driver, no device).
bool usable(std::string& why);

/// A context's device and its stream (device_state.cuh); opaque outside native/src/cuda/.
class device_state;
struct device_state_deleter {
    void operator()(device_state* device) const noexcept;
};
using device_handle = std::unique_ptr<device_state, device_state_deleter>;

/// Opens the device for a context on CHEEGER_BACKEND_CUDA (throws DEVICE_ERROR naming the failed call). A build
/// without CUDA throws INTERNAL_ERROR: no CUDA context can exist there.
device_handle open_device();

/// The k-means stages on `device` (which must outlive them).
std::unique_ptr<kmeans::stage_backend> make_kmeans_stages(device_state& device);

/// The isoperimetric stages on `device`, with the CPU stages on `pool` for the graph degree (both must outlive
/// them). Throws UNSUPPORTED when the device cannot launch cooperative kernels, which the stages need.
std::unique_ptr<iso::stage_backend> make_iso_stages(device_state& device, thread_pool& pool);

}  // namespace cheeger::cuda
