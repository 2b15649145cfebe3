// Why the CUDA tests cannot run here, for their skip message.
#pragma once

#include <string>

#include "cheeger.h"

namespace cheeger_test {

/// Empty when the library has CUDA compiled in and the machine has a device; otherwise the reason.
inline std::string why_no_cuda() {
    cheeger_capabilities caps{};
    if (cheeger_capabilities_get(&caps) != CHEEGER_STATUS_OK) return cheeger_last_error();
    if ((caps.compiled_backends & CHEEGER_BACKEND_FLAG_CUDA) == 0) {
        return "libcheeger was built without CUDA (no CUDA compiler at configure time)";
    }
    if (caps.cuda_device_count == 0) return "libcheeger has CUDA, but this machine has no CUDA device or driver";
    return "";
}

}  // namespace cheeger_test
