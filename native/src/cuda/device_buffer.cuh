// A device allocation that only grows: ensure(count) reallocates only when a larger buffer is needed, so that
// repeated calls of the same shape allocate nothing. A failed allocation throws CHEEGER_STATUS_OUT_OF_MEMORY
// naming cudaMalloc, the bytes asked for, what they were for, and the device's free memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

#include "cuda/cuda_try.cuh"

namespace cheeger::cuda {

template <class T>
class device_buffer {
public:
    device_buffer() = default;
    device_buffer(const device_buffer&) = delete;
    device_buffer& operator=(const device_buffer&) = delete;
    ~device_buffer() { release(); }

    /// Makes room for `count` elements (contents are not kept when the buffer grows). `what` names the buffer in
    /// the out-of-memory message, e.g. "the k-means points".
    void ensure(std::int64_t count, const char* what) {
        if (count <= capacity_) return;
        // Compared unsigned: for 1-byte elements the limit, SIZE_MAX, is -1 as an int64_t.
        if (static_cast<std::uint64_t>(count) > std::numeric_limits<std::size_t>::max() / sizeof(T)) {
            throw error(CHEEGER_STATUS_OUT_OF_MEMORY,
                        message(count, " elements of ", sizeof(T), " bytes for ", what, " overflow the address space"));
        }
        release();
        const std::size_t bytes = static_cast<std::size_t>(count) * sizeof(T);
        void* pointer = nullptr;
        const cudaError_t result = cudaMalloc(&pointer, bytes);
        if (result == cudaErrorMemoryAllocation) {
            (void)cudaGetLastError();
            std::size_t free_bytes = 0;
            std::size_t total_bytes = 0;
            const bool known = cudaMemGetInfo(&free_bytes, &total_bytes) == cudaSuccess;
            (void)cudaGetLastError();
            throw error(CHEEGER_STATUS_OUT_OF_MEMORY,
                        known ? message("cudaMalloc could not allocate ", bytes, " bytes of device memory for ", what,
                                        " (", free_bytes, " of ", total_bytes, " bytes free)")
                              : message("cudaMalloc could not allocate ", bytes, " bytes of device memory for ", what));
        }
        check(result, "cudaMalloc", __FILE__, __LINE__);
        data_ = static_cast<T*>(pointer);
        capacity_ = count;
    }

    [[nodiscard]] T* data() const noexcept { return data_; }

private:
    void release() noexcept {
        if (data_ != nullptr) (void)cudaFree(data_);
        data_ = nullptr;
        capacity_ = 0;
    }

    T* data_ = nullptr;
    std::int64_t capacity_ = 0;
};

}  // namespace cheeger::cuda
