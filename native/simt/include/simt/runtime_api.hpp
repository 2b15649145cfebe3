// The host API of the emulated device: the CUDA runtime calls the sources make, with the toolkit's signatures and
// error behaviour (a failed call returns its error and leaves it for cudaGetLastError; errors are per host thread).
// Every operation on a stream completes before the call returns, which keeps stream order trivially.
#pragma once

#include <cstddef>
#include <cstdint>

#include "simt/runtime_types.hpp"

cudaError_t cudaGetDeviceCount(int* count);
cudaError_t cudaGetDeviceProperties(cudaDeviceProp* properties, int device);
cudaError_t cudaDeviceGetAttribute(int* value, cudaDeviceAttr attribute, int device);
cudaError_t cudaSetDevice(int device);
cudaError_t cudaGetDevice(int* device);
cudaError_t cudaDeviceSynchronize();

cudaError_t cudaGetLastError();
cudaError_t cudaPeekAtLastError();
const char* cudaGetErrorName(cudaError_t error);
const char* cudaGetErrorString(cudaError_t error);

cudaError_t cudaMalloc(void** pointer, std::size_t bytes);
cudaError_t cudaFree(void* pointer);
cudaError_t cudaMallocHost(void** pointer, std::size_t bytes);
cudaError_t cudaFreeHost(void* pointer);
cudaError_t cudaMemGetInfo(std::size_t* free_bytes, std::size_t* total_bytes);

cudaError_t cudaMemcpy(void* destination, const void* source, std::size_t bytes, cudaMemcpyKind kind);
cudaError_t cudaMemcpyAsync(void* destination, const void* source, std::size_t bytes, cudaMemcpyKind kind,
                            cudaStream_t stream = nullptr);
cudaError_t cudaMemset(void* pointer, int value, std::size_t bytes);
cudaError_t cudaMemsetAsync(void* pointer, int value, std::size_t bytes, cudaStream_t stream = nullptr);

cudaError_t cudaStreamCreate(cudaStream_t* stream);
cudaError_t cudaStreamCreateWithFlags(cudaStream_t* stream, unsigned int flags);
cudaError_t cudaStreamDestroy(cudaStream_t stream);
cudaError_t cudaStreamSynchronize(cudaStream_t stream);

cudaError_t cudaEventCreate(cudaEvent_t* event);
cudaError_t cudaEventDestroy(cudaEvent_t event);
cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t stream = nullptr);
cudaError_t cudaEventSynchronize(cudaEvent_t event);
cudaError_t cudaEventElapsedTime(float* milliseconds, cudaEvent_t start, cudaEvent_t end);

/// How many blocks of `kernel` one multiprocessor keeps resident: the emulation runs one block per worker thread.
cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(int* blocks, const void* kernel, int block_size,
                                                          std::size_t dynamic_shared_bytes);

namespace simt {

/// Which device operation an injected fault hits.
enum class fault_kind { allocation, copy };

/// Makes the (successes + 1)-th device operation of `kind` on the calling host thread fail (cudaMalloc with
/// cudaErrorMemoryAllocation, a copy with cudaErrorUnknown), once; a negative value disarms it. The environment
/// variables CHEEGER_SIMT_FAIL_ALLOCATION=N and CHEEGER_SIMT_FAIL_COPY=N arm the same for the N-th operation of the
/// process (for runs of the command line).
void inject_fault(fault_kind kind, std::int64_t successes) noexcept;

/// Hides the device (present = false: cudaGetDeviceCount reports cudaErrorNoDevice, as on a machine without a
/// GPU) or shows it again, for the whole process.
void set_device_present(bool present) noexcept;

}  // namespace simt
