// Checked CUDA calls: CHEEGER_CUDA_TRY(call) turns a failed runtime call into a cheeger::error that names the
// call, the CUDA error's name and text and the source line (CHEEGER_STATUS_DEVICE_ERROR, or
// CHEEGER_STATUS_OUT_OF_MEMORY for an allocation failure). The C API's boundary turns it into a status and
// cheeger_last_error text; nothing aborts. Host code of the .cu files only (nvcc includes cuda_runtime.h).
#pragma once

#include <cstring>
#include <string>

#include "core/error.hpp"
#include "core/message.hpp"

namespace cheeger::cuda {

/// The file name without its folders, for short messages.
inline const char* file_name_only(const char* path) noexcept {
    const char* slash = std::strrchr(path, '/');
    return slash != nullptr ? slash + 1 : path;
}

/// Throws the cheeger::error for a CUDA call `call` that returned `result`.
[[noreturn]] inline void throw_cuda_error(cudaError_t result, const char* call, const char* file, int line) {
    // A non-sticky error stays readable through cudaGetLastError until read; clear it so that the next call on
    // this thread does not report it again. (A sticky one - a kernel fault - keeps failing every later call.)
    (void)cudaGetLastError();
    const cheeger_status status =
        result == cudaErrorMemoryAllocation ? CHEEGER_STATUS_OUT_OF_MEMORY : CHEEGER_STATUS_DEVICE_ERROR;
    throw error(status, message("CUDA call ", call, " failed: ", cudaGetErrorName(result), " (",
                                cudaGetErrorString(result), ") at ", file_name_only(file), ":", line));
}

/// Throws when `result` is not cudaSuccess.
inline void check(cudaError_t result, const char* call, const char* file, int line) {
    if (result != cudaSuccess) throw_cuda_error(result, call, file, line);
}

}  // namespace cheeger::cuda

/// Runs a CUDA runtime call and throws a cheeger::error naming it when it fails.
#define CHEEGER_CUDA_TRY(call) ::cheeger::cuda::check((call), #call, __FILE__, __LINE__)

/// After a kernel launch: a bad launch configuration shows up here (faults inside the kernel show up at the
/// next synchronising call, which CHEEGER_CUDA_TRY checks too).
#define CHEEGER_CUDA_CHECK_LAUNCH(kernel) ::cheeger::cuda::check(cudaGetLastError(), "launch of " kernel, __FILE__, __LINE__)
