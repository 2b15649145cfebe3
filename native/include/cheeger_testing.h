/*
 * cheeger_testing.h — TEST-ONLY hooks of the Cheeger native core.
 *
 * These functions are compiled into every build of libcheeger so that tests can reach failure paths that real
 * machines rarely take. They are not part of the product API: applications must not call them, and the
 * generated C# bindings (which read cheeger.h only) do not expose them.
 */
#ifndef CHEEGER_TESTING_H
#define CHEEGER_TESTING_H

#include "cheeger.h"

#ifdef __cplusplus
extern "C" {
#endif

/* TEST ONLY. Makes the next buffer allocation of the library on the calling thread fail, as if the host were
 * out of memory: the call that makes it returns CHEEGER_STATUS_OUT_OF_MEMORY with the bytes it needed. The
 * hook fires once; allocations on other threads are not affected. */
CHEEGER_API cheeger_status cheeger_testing_fail_next_allocation(void);

/* TEST ONLY. Like cheeger_testing_fail_next_allocation, but lets `successes` buffer allocations of the calling
 * thread through first, so that a test can make each allocation of a call fail in turn; a negative value disarms
 * the hook. */
CHEEGER_API cheeger_status cheeger_testing_fail_allocation_after(int64_t successes);

/* TEST ONLY. Caps the number of chunks whose k-means deltas are held at once (a pass then runs in several waves)
 * for calls on the calling thread; 0 restores the automatic size. Results must not depend on it. */
CHEEGER_API cheeger_status cheeger_testing_set_kmeans_wave_chunks(int64_t chunks);

/* TEST ONLY. The distance-kernel family the CPU k-means of this process uses ("scalar", "avx2", "avx512"):
 * the widest this build and CPU support, or the one named by the environment variable CHEEGER_CPU_KERNEL.
 * *name points to a static string. */
CHEEGER_API cheeger_status cheeger_testing_cpu_kernel(const char** name);

/* TEST ONLY. The least size of the subtrees ("pieces") into which the CPU isoperimetric decision procedure cuts
 * a tree to split it over the context's threads, for trees loaded on the calling thread; 0 restores the default
 * (4096). Results must not depend on it. */
CHEEGER_API cheeger_status cheeger_testing_set_iso_min_decision_piece(int64_t size);

/* Device operations that cheeger_testing_fail_device_operation_after can make fail. */
#define CHEEGER_TESTING_DEVICE_ALLOCATION 0 /* cudaMalloc fails with cudaErrorMemoryAllocation */
#define CHEEGER_TESTING_DEVICE_COPY 1       /* a copy (cudaMemcpy, cudaMemcpyAsync) fails with cudaErrorUnknown */

/* TEST ONLY, emulated CUDA device only (the simt build): lets `successes` device operations of `operation` on the
 * calling thread through and makes the next one fail, once, as the device's runtime reports such a failure; a
 * negative value disarms it. Returns CHEEGER_STATUS_UNSUPPORTED in a build that runs CUDA on a real device. */
CHEEGER_API cheeger_status cheeger_testing_fail_device_operation_after(int32_t operation, int64_t successes);

/* TEST ONLY, emulated CUDA device only: present = 0 hides the device (cudaGetDeviceCount then reports none, as on
 * a machine without a GPU), 1 shows it again. Returns CHEEGER_STATUS_UNSUPPORTED in a build for a real device. */
CHEEGER_API cheeger_status cheeger_testing_set_emulated_device_present(int32_t present);

#ifdef __cplusplus
}
#endif

#endif /* CHEEGER_TESTING_H */
