#include "runtime_errors.hpp"

namespace simt {

namespace {

thread_local cudaError_t last_error = cudaSuccess;

struct error_description {
    cudaError_t error;
    const char* name;
    const char* text;
};

// The toolkit's names and texts of the errors the emulation returns.
constexpr error_description descriptions[] = {
    {cudaSuccess, "cudaSuccess", "no error"},
    {cudaErrorInvalidValue, "cudaErrorInvalidValue", "invalid argument"},
    {cudaErrorMemoryAllocation, "cudaErrorMemoryAllocation", "out of memory"},
    {cudaErrorInitializationError, "cudaErrorInitializationError", "initialization error"},
    {cudaErrorInvalidConfiguration, "cudaErrorInvalidConfiguration", "invalid configuration argument"},
    {cudaErrorInvalidDevicePointer, "cudaErrorInvalidDevicePointer", "invalid device pointer"},
    {cudaErrorInvalidMemcpyDirection, "cudaErrorInvalidMemcpyDirection", "invalid copy direction for memcpy"},
    {cudaErrorInsufficientDriver, "cudaErrorInsufficientDriver",
     "CUDA driver version is insufficient for CUDA runtime version"},
    {cudaErrorNoDevice, "cudaErrorNoDevice", "no CUDA-capable device is detected"},
    {cudaErrorInvalidDevice, "cudaErrorInvalidDevice", "invalid device ordinal"},
    {cudaErrorInvalidResourceHandle, "cudaErrorInvalidResourceHandle", "invalid resource handle"},
    {cudaErrorNotReady, "cudaErrorNotReady", "device not ready"},
    {cudaErrorCooperativeLaunchTooLarge, "cudaErrorCooperativeLaunchTooLarge",
     "too many blocks in cooperative launch"},
    {cudaErrorUnknown, "cudaErrorUnknown", "unknown error"},
};

const error_description* describe(cudaError_t error) noexcept {
    for (const auto& description : descriptions) {
        if (description.error == error) return &description;
    }
    return nullptr;
}

}  // namespace

cudaError_t fail(cudaError_t error) noexcept {
    if (error != cudaSuccess) last_error = error;
    return error;
}

cudaError_t take_last_error() noexcept {
    const cudaError_t error = last_error;
    last_error = cudaSuccess;
    return error;
}

cudaError_t peek_last_error() noexcept { return last_error; }

const char* error_name(cudaError_t error) noexcept {
    const auto* description = describe(error);
    return description != nullptr ? description->name : "cudaErrorUnknown";
}

const char* error_text(cudaError_t error) noexcept {
    const auto* description = describe(error);
    return description != nullptr ? description->text : "unrecognized error code";
}

}  // namespace simt
