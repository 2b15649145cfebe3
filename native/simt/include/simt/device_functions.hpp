// What kernel code sees on the emulated device: the CUDA keywords, the built-in indices, block barriers and warp
// votes, fences, atomics and the explicitly rounded intrinsics (native/simt/README.md).
//
// Each block runs on one OS thread and each of its threads is a fiber on it that switches only at a barrier, so:
//  - __shared__ is the block thread's own storage (static thread_local), private to the block that runs there;
//  - threadIdx, blockIdx, blockDim and gridDim read the running fiber's and block's state;
//  - the rounded intrinsics are the plain IEEE operations of the host, which this build never contracts
//    (-ffp-contract=off): a + b rounded to nearest is exactly __dadd_rn(a, b) on the device.
#pragma once

#include <cstdint>
#include <cstring>

#include "simt/runtime_types.hpp"

#define __global__ inline
#define __device__
#define __host__
#define __forceinline__ inline __attribute__((always_inline))
#define __launch_bounds__(...)
#define __align__(n) alignas(n)
#define __shared__ static thread_local

namespace simt {

/// The running CUDA thread (a fiber of the block's OS thread).
struct thread_position {
    uint3 index;
};

/// The running block: its place in the grid and the launch's shape.
struct block_position {
    uint3 index;
    dim3 dim;
    dim3 grid;
    unsigned char* dynamic_shared;
};

/// The fiber and block running on this OS thread; set by the scheduler before it resumes a fiber.
extern thread_local const thread_position* current_thread;
extern thread_local const block_position* current_block;

/// __syncthreads: waits until every thread of the block has arrived (a thread that returned before it is a
/// divergence the emulation reports and stops at).
void sync_block();

/// __ballot_sync: a barrier of the lanes in `mask` of the caller's warp; bit l of the result is lane l's
/// predicate. A lane of the mask that has returned (or waits at another barrier) is reported and stops the run.
unsigned int ballot_sync(unsigned int mask, int predicate);

/// A block spinning on device memory gives its core to the other blocks (native/src/cuda/spin_wait.cuh).
void spin_wait() noexcept;

/// The dynamic shared memory of the running block (the launch's shared-memory bytes).
inline unsigned char* dynamic_shared() noexcept { return current_block->dynamic_shared; }

template <class To, class From>
inline To bit_cast(From from) noexcept {
    static_assert(sizeof(To) == sizeof(From), "bit casts keep the size");
    To to;
    std::memcpy(&to, &from, sizeof to);
    return to;
}

template <class T>
inline T atomic_min(T* address, T value) noexcept {
    T seen = __atomic_load_n(address, __ATOMIC_RELAXED);
    while (value < seen &&
           !__atomic_compare_exchange_n(address, &seen, value, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
    }
    return seen;
}

template <class T>
inline T atomic_max(T* address, T value) noexcept {
    T seen = __atomic_load_n(address, __ATOMIC_RELAXED);
    while (value > seen &&
           !__atomic_compare_exchange_n(address, &seen, value, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
    }
    return seen;
}

}  // namespace simt

#define threadIdx (::simt::current_thread->index)
#define blockIdx (::simt::current_block->index)
#define blockDim (::simt::current_block->dim)
#define gridDim (::simt::current_block->grid)

inline void __syncthreads() { ::simt::sync_block(); }
inline unsigned int __ballot_sync(unsigned int mask, int predicate) { return ::simt::ballot_sync(mask, predicate); }
// A device-scope fence: the host's full fence orders this thread's accesses for every other block as well.
inline void __threadfence() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
inline int __popc(unsigned int a) { return __builtin_popcount(a); }

// Rounded to nearest, never fused: the build compiles these with -ffp-contract=off.
inline double __dadd_rn(double a, double b) { return a + b; }
inline double __dsub_rn(double a, double b) { return a - b; }
inline double __dmul_rn(double a, double b) { return a * b; }
inline double __ddiv_rn(double a, double b) { return a / b; }
inline float __fadd_rn(float a, float b) { return a + b; }
inline float __fsub_rn(float a, float b) { return a - b; }
inline float __fmul_rn(float a, float b) { return a * b; }
inline float __double2float_rn(double a) { return static_cast<float>(a); }

inline double __longlong_as_double(long long a) { return ::simt::bit_cast<double>(a); }
inline long long __double_as_longlong(double a) { return ::simt::bit_cast<long long>(a); }
inline float __int_as_float(int a) { return ::simt::bit_cast<float>(a); }
inline int __float_as_int(float a) { return ::simt::bit_cast<int>(a); }

// Atomics are relaxed, as on the device; fences order around them.
inline int atomicAdd(int* address, int value) { return __atomic_fetch_add(address, value, __ATOMIC_RELAXED); }
inline unsigned int atomicAdd(unsigned int* address, unsigned int value) {
    return __atomic_fetch_add(address, value, __ATOMIC_RELAXED);
}
inline unsigned long long atomicAdd(unsigned long long* address, unsigned long long value) {
    return __atomic_fetch_add(address, value, __ATOMIC_RELAXED);
}
inline unsigned long long atomicMin(unsigned long long* address, unsigned long long value) {
    return ::simt::atomic_min(address, value);
}
inline unsigned long long atomicMax(unsigned long long* address, unsigned long long value) {
    return ::simt::atomic_max(address, value);
}
inline int atomicMin(int* address, int value) { return ::simt::atomic_min(address, value); }
inline int atomicMax(int* address, int value) { return ::simt::atomic_max(address, value); }
