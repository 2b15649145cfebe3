// The CUDA hooks of a CPU-only build (no CUDA compiler was found, or CHEEGER_ENABLE_CUDA=OFF).
#include "cuda/cuda_backend.hpp"

#include "core/error.hpp"

namespace cheeger::cuda {

namespace {

// Unreachable: no context can be created on CUDA in this build.
[[noreturn]] void no_cuda_context() {
    throw error(CHEEGER_STATUS_INTERNAL_ERROR, "a CUDA context exists in a library built without CUDA");
}

}  // namespace

bool compiled_in() noexcept { return false; }

void query_devices(cheeger_capabilities& caps) noexcept {
    caps.cuda_device_count = 0;
    caps.cuda_compute_major = 0;
    caps.cuda_compute_minor = 0;
    caps.cuda_total_memory = 0;
    caps.cuda_device_name[0] = '\0';
}

bool usable(std::string& why) {
    why = "the CUDA backend is not compiled into this library (it was built without a CUDA toolkit); "
          "use CHEEGER_BACKEND_CPU or CHEEGER_BACKEND_AUTO";
    return false;
}

// No device_state is ever made here, so there is nothing to release.
void device_state_deleter::operator()(device_state* /*device*/) const noexcept {}

device_handle open_device() { no_cuda_context(); }

std::unique_ptr<kmeans::stage_backend> make_kmeans_stages(device_state& /*device*/) { no_cuda_context(); }

std::unique_ptr<iso::stage_backend> make_iso_stages(device_state& /*device*/, thread_pool& /*pool*/) {
    no_cuda_context();
}

}  // namespace cheeger::cuda
