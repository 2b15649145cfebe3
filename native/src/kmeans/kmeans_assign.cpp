// Chooses the kernel family of the CPU k-means once per process (see kmeans_assign.hpp).
#include "kmeans/kmeans_assign.hpp"

#include <cstdlib>
#include <cstring>
#include <string>

#include "cheeger.h"
#include "core/error.hpp"
#include "core/message.hpp"
#include "kmeans/kmeans_assign_kernels.hpp"

namespace cheeger::kmeans {

namespace {

using family_function = assign_block_function (*)(std::int64_t d) noexcept;

struct family {
    const char* name;
    family_function kernel;
};

struct choice {
    family chosen;
    std::string problem;  // non-empty: CHEEGER_CPU_KERNEL asked for something unavailable
};

bool cpu_has_avx512f() noexcept {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    return __builtin_cpu_supports("avx512f") != 0;  // checks the CPU and that the OS saves the ZMM state
#else
    return false;
#endif
}

choice choose() {
    const family scalar{"scalar", &scalar_kernel};
    const family avx2{"avx2", &avx2_kernel};
    const family avx512{"avx512", &avx512_kernel};
    const bool has_avx2 = avx2_kernel(1) != nullptr;  // the baseline: the library only loads where it runs
    const bool has_avx512 = avx512_kernel(1) != nullptr && cpu_has_avx512f();
    const family widest = has_avx512 ? avx512 : has_avx2 ? avx2 : scalar;

    const char* requested = std::getenv("CHEEGER_CPU_KERNEL");
    if (requested == nullptr || *requested == '\0') return {widest, {}};
    if (std::strcmp(requested, "scalar") == 0) return {scalar, {}};
    if (std::strcmp(requested, "avx2") == 0 && has_avx2) return {avx2, {}};
    if (std::strcmp(requested, "avx512") == 0 && has_avx512) return {avx512, {}};
    return {widest, message("CHEEGER_CPU_KERNEL=", requested,
                            " is not available here (this build and CPU offer: scalar",
                            has_avx2 ? ", avx2" : "", has_avx512 ? ", avx512" : "", ")")};
}

const choice& chosen() {
    static const choice once = choose();
    return once;
}

}  // namespace

const char* cpu_kernel_name() noexcept {
    try {
        return chosen().chosen.name;
    } catch (...) {
        return "unknown";
    }
}

assign_block_function assign_block_for(std::int64_t d) {
    const choice& c = chosen();
    if (!c.problem.empty()) throw error(CHEEGER_STATUS_UNSUPPORTED, c.problem);
    return c.chosen.kernel(d);
}

}  // namespace cheeger::kmeans
