// cheeger_capabilities_get: backends compiled in, host threads, and the CUDA device (through the CUDA hook).
#include <thread>

#include "cheeger.h"
#include "core/require.hpp"
#include "core/translate_exceptions.hpp"
#include "cuda/cuda_backend.hpp"

extern "C" CHEEGER_API cheeger_status cheeger_capabilities_get(cheeger_capabilities* out) {
    return cheeger::translate_exceptions("cheeger_capabilities_get", [&] {
        cheeger::require_not_null(out, "out");
        cheeger_capabilities caps{};
        caps.compiled_backends = CHEEGER_BACKEND_FLAG_CPU;
        if (cheeger::cuda::compiled_in()) caps.compiled_backends |= CHEEGER_BACKEND_FLAG_CUDA;
        caps.hardware_threads = static_cast<int32_t>(std::thread::hardware_concurrency());
        cheeger::cuda::query_devices(caps);
        *out = caps;
    });
}
