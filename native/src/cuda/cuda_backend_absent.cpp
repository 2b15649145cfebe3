// The CUDA hooks of a CPU-only build (no CUDA compiler was found, or CHEEGER_ENABLE_CUDA=OFF).
#include "cuda/cuda_backend.hpp"

#include "core/error.hpp"

namespace cheeger::cuda {

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

void kmeans_run(cheeger_context_t& /*context*/, const kmeans::request& /*call*/, cheeger_kmeans_info& /*info*/) {
    // Unreachable: no context can be created on CUDA in this build.
    throw error(CHEEGER_STATUS_INTERNAL_ERROR, "a CUDA context exists in a library built without CUDA");
}

}  // namespace cheeger::cuda
