#include "core/cpu_kernel_family.hpp"

#include <cstdlib>
#include <cstring>
#include <string>

#include "cheeger.h"
#include "core/error.hpp"
#include "core/message.hpp"

namespace cheeger {

namespace {

struct choice {
    cpu_kernel_family family = cpu_kernel_family::scalar;
    std::string problem;  // non-empty: CHEEGER_CPU_KERNEL asked for something unavailable
};

bool cpu_has_avx512f() noexcept {
#if defined(CHEEGER_HAS_AVX512_KERNELS)
    return __builtin_cpu_supports("avx512f") != 0;  // checks the CPU and that the OS saves the ZMM state
#else
    return false;
#endif
}

choice choose() {
    // AVX2 is the library's baseline when it is compiled in: the library only loads where it runs.
#if defined(__AVX2__)
    const bool has_avx2 = true;
#else
    const bool has_avx2 = false;
#endif
    const bool has_avx512 = cpu_has_avx512f();
    const cpu_kernel_family widest = has_avx512 ? cpu_kernel_family::avx512
                                     : has_avx2 ? cpu_kernel_family::avx2
                                                : cpu_kernel_family::scalar;

    const char* requested = std::getenv("CHEEGER_CPU_KERNEL");
    if (requested == nullptr || *requested == '\0') return {widest, {}};
    if (std::strcmp(requested, "scalar") == 0) return {cpu_kernel_family::scalar, {}};
    if (std::strcmp(requested, "avx2") == 0 && has_avx2) return {cpu_kernel_family::avx2, {}};
    if (std::strcmp(requested, "avx512") == 0 && has_avx512) return {cpu_kernel_family::avx512, {}};
    return {widest, message("CHEEGER_CPU_KERNEL=", requested,
                            " is not available here (this build and CPU offer: scalar",
                            has_avx2 ? ", avx2" : "", has_avx512 ? ", avx512" : "", ")")};
}

const choice* chosen() noexcept {
    try {
        static const choice once = choose();
        return &once;
    } catch (...) {
        return nullptr;  // out of memory while composing the message: the scalar family, refused
    }
}

}  // namespace

cpu_kernel_family cpu_kernel_in_use() noexcept {
    const choice* c = chosen();
    return c != nullptr ? c->family : cpu_kernel_family::scalar;
}

const char* cpu_kernel_name() noexcept {
    switch (cpu_kernel_in_use()) {
        case cpu_kernel_family::avx512: return "avx512";
        case cpu_kernel_family::avx2: return "avx2";
        case cpu_kernel_family::scalar: break;
    }
    return "scalar";
}

void require_cpu_kernel_available() {
    const choice* c = chosen();
    if (c == nullptr) throw error(CHEEGER_STATUS_OUT_OF_MEMORY, "out of memory while choosing the CPU kernels");
    if (!c->problem.empty()) throw error(CHEEGER_STATUS_UNSUPPORTED, c->problem);
}

}  // namespace cheeger
