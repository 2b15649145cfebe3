// A context's CUDA device: device 0, selected, and the one stream on which both methods' stages run (so a context
// orders all of its device work on one queue). Opened by the context's first CUDA call, released with the
// context after its stages.
#pragma once

#include "cuda/cuda_backend.hpp"
#include "cuda/cuda_try.cuh"

namespace cheeger::cuda {

/// The device the backend runs on (the one cheeger_capabilities describes).
inline constexpr int device_index = 0;

class device_state {
public:
    device_state() {
        CHEEGER_CUDA_TRY(cudaSetDevice(device_index));
        CHEEGER_CUDA_TRY(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking));
    }

    device_state(const device_state&) = delete;
    device_state& operator=(const device_state&) = delete;

    ~device_state() {
        if (stream_ != nullptr) (void)cudaStreamDestroy(stream_);
        (void)cudaGetLastError();
    }

    /// Selects the device for the calling thread (a context's calls may come from any thread).
    void select() const { CHEEGER_CUDA_TRY(cudaSetDevice(device_index)); }

    [[nodiscard]] cudaStream_t stream() const noexcept { return stream_; }

private:
    cudaStream_t stream_ = nullptr;
};

}  // namespace cheeger::cuda
