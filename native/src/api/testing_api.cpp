// The test-only hooks of cheeger_testing.h.
#include "cheeger_testing.h"
#include "core/buffer.hpp"
#include "core/cpu_kernel_family.hpp"
#include "core/require.hpp"
#include "core/translate_exceptions.hpp"
#include "iso/subtree_decider.hpp"
#include "kmeans/kmeans_workspace.hpp"

#if defined(CHEEGER_CUDA_EMULATION)
#include "simt/runtime_api.hpp"
#else
namespace {

/// The emulated device's hooks in a build for a real device.
[[noreturn]] void refuse_on_real_device() {
    throw cheeger::error(CHEEGER_STATUS_UNSUPPORTED,
                         "this libcheeger runs CUDA on a real device; the hook needs the emulated one (the simt build)");
}

}  // namespace
#endif

extern "C" CHEEGER_API cheeger_status cheeger_testing_fail_next_allocation(void) {
    return cheeger::translate_exceptions("cheeger_testing_fail_next_allocation",
                                         [] { cheeger::arm_allocation_failure(); });
}

extern "C" CHEEGER_API cheeger_status cheeger_testing_fail_allocation_after(int64_t successes) {
    return cheeger::translate_exceptions("cheeger_testing_fail_allocation_after",
                                         [&] { cheeger::arm_allocation_failure_after(successes); });
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
        *name = cheeger::cpu_kernel_name();
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_testing_set_iso_min_decision_piece(int64_t size) {
    return cheeger::translate_exceptions("cheeger_testing_set_iso_min_decision_piece", [&] {
        cheeger::require(size >= 0, "size = ", size, " must be >= 0 (0 = the default)");
        cheeger::iso::set_min_piece_size_override(size);
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_testing_fail_device_operation_after(int32_t operation, int64_t successes) {
    return cheeger::translate_exceptions("cheeger_testing_fail_device_operation_after", [&] {
        cheeger::require(operation == CHEEGER_TESTING_DEVICE_ALLOCATION || operation == CHEEGER_TESTING_DEVICE_COPY,
                         "operation = ", operation, " is neither CHEEGER_TESTING_DEVICE_ALLOCATION nor _COPY");
#if defined(CHEEGER_CUDA_EMULATION)
        simt::inject_fault(
            operation == CHEEGER_TESTING_DEVICE_ALLOCATION ? simt::fault_kind::allocation : simt::fault_kind::copy,
            successes);
#else
        (void)successes;
        refuse_on_real_device();
#endif
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_testing_set_emulated_device_present(int32_t present) {
    return cheeger::translate_exceptions("cheeger_testing_set_emulated_device_present", [&] {
        cheeger::require(present == 0 || present == 1, "present = ", present, " must be 0 or 1");
#if defined(CHEEGER_CUDA_EMULATION)
        simt::set_device_present(present != 0);
#else
        refuse_on_real_device();
#endif
    });
}
