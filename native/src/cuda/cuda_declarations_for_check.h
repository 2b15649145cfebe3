// The CUDA declarations the PTX compile check (build target CudaCheck: clang++-14 -x cuda --cuda-device-only
// -nocudainc -nocudalib) includes in place of the toolkit's headers, which this machine lacks. It declares only
// what native/src/**/*.cu use, with the toolkit's names and signatures; the device intrinsics map to the NVVM
// builtins that libdevice implements them with, so the PTX shows the same rounded instructions (mul.rn.f64, ...).
// Never included by a real (nvcc) build: there the toolkit's cuda_runtime.h is used.
#pragma once

#if !defined(__clang__) || !defined(__CUDA__)
#error "cuda_declarations_for_check.h is for the clang CUDA compile check only"
#endif

#include <cstddef>
// clang's cuda_wrappers/new (used by every standard header) calls ::malloc and ::free.
#include <stdlib.h>

#define __host__ __attribute__((host))
#define __device__ __attribute__((device))
#define __global__ __attribute__((global))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
#define __align__(n) __attribute__((aligned(n)))
#define __forceinline__ __inline__ __attribute__((always_inline))
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))

#include <__clang_cuda_builtin_vars.h>

// The runtime API's types, with the toolkit's names and values, are the emulated device's (constexpr
// constructors are host and device functions to clang).
#include "../../simt/include/simt/runtime_types.hpp"

extern "C" {
cudaError_t cudaGetDeviceCount(int* count);
cudaError_t cudaGetDeviceProperties(cudaDeviceProp* prop, int device);
cudaError_t cudaSetDevice(int device);
cudaError_t cudaGetLastError(void);
const char* cudaGetErrorName(cudaError_t error);
const char* cudaGetErrorString(cudaError_t error);
cudaError_t cudaMalloc(void** pointer, std::size_t bytes);
cudaError_t cudaFree(void* pointer);
cudaError_t cudaMallocHost(void** pointer, std::size_t bytes);
cudaError_t cudaFreeHost(void* pointer);
cudaError_t cudaMemGetInfo(std::size_t* free, std::size_t* total);
cudaError_t cudaMemcpyAsync(void* destination, const void* source, std::size_t bytes, cudaMemcpyKind kind,
                            cudaStream_t stream);
cudaError_t cudaMemsetAsync(void* pointer, int value, std::size_t bytes, cudaStream_t stream);
cudaError_t cudaStreamCreateWithFlags(cudaStream_t* stream, unsigned int flags);
cudaError_t cudaStreamDestroy(cudaStream_t stream);
cudaError_t cudaStreamSynchronize(cudaStream_t stream);
cudaError_t cudaEventCreate(cudaEvent_t* event);
cudaError_t cudaEventDestroy(cudaEvent_t event);
cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t stream);
cudaError_t cudaEventElapsedTime(float* milliseconds, cudaEvent_t start, cudaEvent_t end);
// The launch syntax <<<...>>>: clang calls the first when it takes the toolkit for CUDA >= 9.2, the second
// otherwise (without a toolkit it cannot tell).
cudaError_t cudaDeviceGetAttribute(int* value, cudaDeviceAttr attribute, int device);
cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(int* blocks, const void* kernel, int block_size,
                                                          std::size_t shared_bytes);
cudaError_t cudaLaunchKernel(const void* kernel, dim3 grid, dim3 block, void** arguments, std::size_t shared_bytes,
                             cudaStream_t stream);
cudaError_t cudaLaunchCooperativeKernel(const void* kernel, dim3 grid, dim3 block, void** arguments,
                                        std::size_t shared_bytes, cudaStream_t stream);
unsigned __cudaPushCallConfiguration(dim3 grid, dim3 block, std::size_t shared = 0, void* stream = 0);
cudaError_t cudaConfigureCall(dim3 grid, dim3 block, std::size_t shared = 0, cudaStream_t stream = 0);
}

// --- device intrinsics -------------------------------------------------------------------------------------------
__device__ __forceinline__ double __dadd_rn(double a, double b) { return __nvvm_add_rn_d(a, b); }
__device__ __forceinline__ double __dsub_rn(double a, double b) { return __nvvm_add_rn_d(a, -b); }
__device__ __forceinline__ double __dmul_rn(double a, double b) { return __nvvm_mul_rn_d(a, b); }
__device__ __forceinline__ double __ddiv_rn(double a, double b) { return __nvvm_div_rn_d(a, b); }
__device__ __forceinline__ float __fadd_rn(float a, float b) { return __nvvm_add_rn_f(a, b); }
__device__ __forceinline__ float __fsub_rn(float a, float b) { return __nvvm_add_rn_f(a, -b); }
__device__ __forceinline__ float __fmul_rn(float a, float b) { return __nvvm_mul_rn_f(a, b); }
__device__ __forceinline__ float __double2float_rn(double a) { return __nvvm_d2f_rn(a); }
__device__ __forceinline__ double __longlong_as_double(long long a) { return __nvvm_bitcast_ll2d(a); }
__device__ __forceinline__ float __int_as_float(int a) { return __nvvm_bitcast_i2f(a); }
__device__ __forceinline__ int __float_as_int(float a) { return __nvvm_bitcast_f2i(a); }
__device__ __forceinline__ long long __double_as_longlong(double a) { return __nvvm_bitcast_d2ll(a); }
__device__ __forceinline__ int __popc(unsigned int a) { return __builtin_popcount(a); }
__device__ __forceinline__ unsigned int __ballot_sync(unsigned int mask, int predicate) {
    // Inline PTX: clang without a toolkit targets a PTX version older than the __nvvm_vote_ballot_sync builtin.
    unsigned int ballot;
    asm volatile("{ .reg .pred p; setp.ne.u32 p, %1, 0; vote.sync.ballot.b32 %0, p, %2; }"
                 : "=r"(ballot)
                 : "r"(predicate), "r"(mask));
    return ballot;
}
__device__ __forceinline__ unsigned long long atomicAdd(unsigned long long* address, unsigned long long value) {
    return __nvvm_atom_add_gen_ll(reinterpret_cast<long long*>(address), static_cast<long long>(value));
}
__device__ __forceinline__ unsigned int atomicAdd(unsigned int* address, unsigned int value) {
    return static_cast<unsigned int>(__nvvm_atom_add_gen_i(reinterpret_cast<int*>(address), static_cast<int>(value)));
}
__device__ __forceinline__ void __threadfence() { __nvvm_membar_gl(); }
__device__ __forceinline__ unsigned long long atomicMax(unsigned long long* address, unsigned long long value) {
    return __nvvm_atom_max_gen_ull(address, value);
}
__device__ __forceinline__ unsigned long long atomicMin(unsigned long long* address, unsigned long long value) {
    return __nvvm_atom_min_gen_ull(address, value);
}
