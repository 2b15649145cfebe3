// Contexts: create/destroy in pairs, the backend and thread count they resolved to, the live count.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <thread>

#include "api/context.hpp"
#include "cheeger.h"
#include "core/require.hpp"
#include "core/translate_exceptions.hpp"
#include "cuda/cuda_backend.hpp"

namespace {

// The value of an enum parameter as the int a C caller passed: C may pass any int, while C++ may not even load
// a value outside the enumerators from the enum type, so its bytes are copied out (taken by reference: no load).
int enum_value(const cheeger_backend& backend) {
    int raw = 0;
    static_assert(sizeof raw == sizeof backend, "cheeger_backend is int-sized");
    std::memcpy(&raw, &backend, sizeof raw);
    return raw;
}

cheeger_backend resolve_backend(int raw) {
    std::string why_not_cuda;
    switch (raw) {
        case CHEEGER_BACKEND_CPU:
            return CHEEGER_BACKEND_CPU;
        case CHEEGER_BACKEND_CUDA:
            if (!cheeger::cuda::usable(why_not_cuda)) {
                throw cheeger::error(CHEEGER_STATUS_UNSUPPORTED,
                                     cheeger::message("CHEEGER_BACKEND_CUDA is unavailable: ", why_not_cuda));
            }
            return CHEEGER_BACKEND_CUDA;
        case CHEEGER_BACKEND_AUTO:
            return cheeger::cuda::usable(why_not_cuda) ? CHEEGER_BACKEND_CUDA : CHEEGER_BACKEND_CPU;
        default:
            throw cheeger::error(CHEEGER_STATUS_INVALID_ARGUMENT,
                                 cheeger::message("backend = ", raw,
                                                  " is not a cheeger_backend value (AUTO = 0, CPU = 1, CUDA = 2)"));
    }
}

int resolve_threads(int32_t requested) {
    cheeger::require(requested >= 0, "threads = ", requested, " must be >= 0 (0 = every hardware thread)");
    cheeger::require(requested <= cheeger::max_context_threads, "threads = ", requested, " exceeds the limit of ",
                     cheeger::max_context_threads);
    if (requested > 0) return requested;
    const unsigned hardware = std::thread::hardware_concurrency();
    return hardware == 0 ? 1 : static_cast<int>(std::min<unsigned>(hardware, cheeger::max_context_threads));
}

}  // namespace

extern "C" CHEEGER_API cheeger_status cheeger_context_create(cheeger_backend backend, int32_t threads,
                                                              cheeger_context* out) {
    return cheeger::translate_exceptions("cheeger_context_create", [&] {
        cheeger::require_not_null(out, "out");
        *out = nullptr;
        const int thread_count = resolve_threads(threads);
        const cheeger_backend resolved = resolve_backend(enum_value(backend));
        *out = new cheeger_context_t(resolved, thread_count);
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_context_destroy(cheeger_context context) {
    return cheeger::translate_exceptions("cheeger_context_destroy", [&] { delete context; });
}

extern "C" CHEEGER_API cheeger_status cheeger_context_backend(cheeger_context context, cheeger_backend* out) {
    return cheeger::translate_exceptions("cheeger_context_backend", [&] {
        cheeger::require_not_null(context, "context");
        cheeger::require_not_null(out, "out");
        *out = context->backend;
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_context_threads(cheeger_context context, int32_t* out) {
    return cheeger::translate_exceptions("cheeger_context_threads", [&] {
        cheeger::require_not_null(context, "context");
        cheeger::require_not_null(out, "out");
        *out = static_cast<int32_t>(context->pool.size());
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_context_set_progress(cheeger_context context,
                                                                    cheeger_progress_fn progress, void* user_data) {
    return cheeger::translate_exceptions("cheeger_context_set_progress", [&] {
        cheeger::require_not_null(context, "context");
        std::lock_guard<std::mutex> after_the_running_call(context->call_mutex);
        context->progress = progress == nullptr ? cheeger::iso::progress_sink{}
                                                : cheeger::iso::progress_sink{progress, user_data};
    });
}

extern "C" CHEEGER_API int64_t cheeger_live_context_count(void) { return cheeger::live_context_count(); }
