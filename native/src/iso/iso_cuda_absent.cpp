// The CUDA isoperimetric stages of a CPU-only build: no context can run on CUDA here.
#include "core/error.hpp"
#include "iso/iso_backend.hpp"

namespace cheeger::iso {

std::unique_ptr<stage_backend> make_cuda_stages(cheeger_context_t& /*context*/) {
    throw error(CHEEGER_STATUS_INTERNAL_ERROR, "a CUDA context exists in a library built without CUDA");
}

}  // namespace cheeger::iso
