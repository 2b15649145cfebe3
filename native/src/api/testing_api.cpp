// The test-only hooks of cheeger_testing.h.
#include "cheeger_testing.h"
#include "core/buffer.hpp"
#include "core/require.hpp"
#include "core/translate_exceptions.hpp"
#include "iso/level_decider.hpp"
#include "kmeans/kmeans_assign.hpp"
#include "kmeans/kmeans_workspace.hpp"

extern "C" CHEEGER_API cheeger_status cheeger_testing_fail_next_allocation(void) {
    return cheeger::translate_exceptions("cheeger_testing_fail_next_allocation",
                                         [] { cheeger::arm_allocation_failure(); });
}

extern "C" CHEEGER_API cheeger_status cheeger_testing_set_kmeans_wave_chunks(int64_t chunks) {
    return cheeger::translate_exceptions("cheeger_testing_set_kmeans_wave_chunks", [&] {
        cheeger::require(chunks >= 0, "chunks = ", chunks, " must be >= 0 (0 = automatic)");
        cheeger::kmeans::set_wave_chunks_override(chunks);
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_testing_cpu_kernel(const char** name) {
    return cheeger::translate_exceptions("cheeger_testing_cpu_kernel", [&] {
        cheeger::require_not_null(name, "name");
        *name = cheeger::kmeans::cpu_kernel_name();
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_testing_set_iso_min_parallel_width(int64_t width) {
    return cheeger::translate_exceptions("cheeger_testing_set_iso_min_parallel_width", [&] {
        cheeger::require(width >= 0, "width = ", width, " must be >= 0 (0 = the default)");
        cheeger::iso::set_min_parallel_width_override(width);
    });
}
