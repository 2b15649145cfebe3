// The device hooks of cuda_backend.hpp: whether CUDA is compiled in, what device 0 is, whether a context may run
// on it, and a context's device state. Devices are found through the driver (cudaGetDeviceCount), never through a
// toolkit path.
#include <cstring>
#include <string>

#include "cuda/cuda_backend.hpp"
#include "cuda/cuda_try.cuh"
#include "cuda/device_state.cuh"

namespace cheeger::cuda {

bool compiled_in() noexcept { return true; }

void query_devices(cheeger_capabilities& caps) noexcept {
    caps.cuda_device_count = 0;
    caps.cuda_compute_major = 0;
    caps.cuda_compute_minor = 0;
    caps.cuda_total_memory = 0;
    caps.cuda_device_name[0] = '\0';
    int count = 0;
    if (cudaGetDeviceCount(&count) != cudaSuccess || count <= 0) {
        (void)cudaGetLastError();  // no driver or no device: the fields stay empty
        return;
    }
    cudaDeviceProp properties;
    std::memset(&properties, 0, sizeof properties);
    if (cudaGetDeviceProperties(&properties, device_index) != cudaSuccess) {
        (void)cudaGetLastError();
        return;
    }
    caps.cuda_device_count = count;
    caps.cuda_compute_major = properties.major;
    caps.cuda_compute_minor = properties.minor;
    caps.cuda_total_memory = static_cast<std::int64_t>(properties.totalGlobalMem);
    static_assert(sizeof caps.cuda_device_name <= sizeof properties.name, "device names fit");
    std::memcpy(caps.cuda_device_name, properties.name, sizeof caps.cuda_device_name - 1);
    caps.cuda_device_name[sizeof caps.cuda_device_name - 1] = '\0';
}

bool usable(std::string& why) {
    int count = 0;
    const cudaError_t result = cudaGetDeviceCount(&count);
    if (result != cudaSuccess) {
        (void)cudaGetLastError();
        why = message("CUDA compiled in, no CUDA device (cudaGetDeviceCount: ", cudaGetErrorName(result), ", ",
                      cudaGetErrorString(result), "); use CHEEGER_BACKEND_CPU or CHEEGER_BACKEND_AUTO");
        return false;
    }
    if (count <= 0) {
        why = "CUDA compiled in, no CUDA device (the driver reports none); use CHEEGER_BACKEND_CPU or "
              "CHEEGER_BACKEND_AUTO";
        return false;
    }
    return true;
}

void device_state_deleter::operator()(device_state* device) const noexcept { delete device; }

device_handle open_device() { return device_handle(new device_state()); }

}  // namespace cheeger::cuda
