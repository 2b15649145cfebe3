// The host API of the emulated device (simt/runtime_api.hpp).
#include "simt/runtime_api.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>

#include "device_memory.hpp"
#include "emulation_settings.hpp"
#include "runtime_errors.hpp"
#include "runtime_handles.hpp"

namespace simt {

struct stream {
    unsigned int flags;
};

struct event {
    bool recorded = false;
    std::chrono::steady_clock::time_point at{};
};

namespace {

/// The device's name in cudaDeviceProp and cheeger_capabilities: it says that it is an emulation.
constexpr char device_name[] = "Cheeger SIMT emulation of a CUDA device (kernels on the CPU)";
constexpr int warp_size = 32;
constexpr int max_threads_per_block = 1024;
constexpr std::size_t shared_bytes_per_block = 48 * 1024;

// Live streams and events, so that a destroyed or foreign handle is refused as the runtime does.
template <class Handle>
struct handle_registry {
    std::mutex mutex;
    std::set<Handle*> live;

    bool known(Handle* handle) {
        const std::lock_guard lock(mutex);
        return live.count(handle) != 0;
    }

    cudaError_t create(Handle** out, Handle value) {
        if (out == nullptr) return fail(cudaErrorInvalidValue);
        auto* created = new Handle(value);
        const std::lock_guard lock(mutex);
        live.insert(created);
        *out = created;
        return cudaSuccess;
    }

    cudaError_t destroy(Handle* handle) {
        const std::lock_guard lock(mutex);
        if (handle == nullptr || live.erase(handle) == 0) return fail(cudaErrorInvalidResourceHandle);
        delete handle;
        return cudaSuccess;
    }
};

handle_registry<stream>& streams() {
    static handle_registry<stream> value;
    return value;
}

handle_registry<event>& events() {
    static handle_registry<event> value;
    return value;
}


// --- fault injection -----------------------------------------------------------------------------------------
// Per host thread: successes left before the armed failure (-1: disarmed). Per process (environment): the
// 1-based index of the operation that fails, counted over all threads.
struct process_fault {
    std::atomic<std::int64_t> seen{0};
    std::int64_t fails_at = 0;  // 0: never
};

thread_local std::int64_t thread_fault_after[2] = {-1, -1};

process_fault& process_fault_of(fault_kind kind) {
    static process_fault allocation_fault;
    static process_fault copy_fault;
    static std::once_flag read;
    std::call_once(read, [] {
        for (auto [fault, name] : {std::pair{&allocation_fault, "CHEEGER_SIMT_FAIL_ALLOCATION"},
                                   std::pair{&copy_fault, "CHEEGER_SIMT_FAIL_COPY"}}) {
            if (const char* text = std::getenv(name)) fault->fails_at = std::strtoll(text, nullptr, 10);
        }
    });
    return kind == fault_kind::allocation ? allocation_fault : copy_fault;
}

/// Whether this operation of `kind` is the one that fails.
bool injected_failure(fault_kind kind) {
    std::int64_t& after = thread_fault_after[static_cast<int>(kind)];
    if (after == 0) {
        after = -1;
        return true;
    }
    if (after > 0) --after;
    process_fault& fault = process_fault_of(kind);
    return fault.fails_at > 0 && fault.seen.fetch_add(1) + 1 == fault.fails_at;
}

cudaError_t copy(void* destination, const void* source, std::size_t bytes, cudaMemcpyKind kind, cudaStream_t s) {
    if (!known_stream(s)) return fail(cudaErrorInvalidResourceHandle);
    if (bytes == 0) return cudaSuccess;
    if (destination == nullptr || source == nullptr) return fail(cudaErrorInvalidValue);
    const bool from_device = device_memory::contains(source, bytes);
    const bool to_device = device_memory::contains(destination, bytes);
    bool matches = false;
    switch (kind) {
        case cudaMemcpyHostToHost: matches = !from_device && !to_device; break;
        case cudaMemcpyHostToDevice: matches = !from_device && to_device; break;
        case cudaMemcpyDeviceToHost: matches = from_device && !to_device; break;
        case cudaMemcpyDeviceToDevice: matches = from_device && to_device; break;
        case cudaMemcpyDefault: matches = true; break;
        default: return fail(cudaErrorInvalidMemcpyDirection);
    }
    // A device range that overruns its allocation, or a host pointer where a device one belongs.
    if (!matches) return fail(cudaErrorInvalidValue);
    if (injected_failure(fault_kind::copy)) return fail(cudaErrorUnknown);
    std::memmove(destination, source, bytes);
    return cudaSuccess;
}

cudaError_t set(void* pointer, int value, std::size_t bytes, cudaStream_t s) {
    if (!known_stream(s)) return fail(cudaErrorInvalidResourceHandle);
    if (bytes == 0) return cudaSuccess;
    if (!device_memory::contains(pointer, bytes)) return fail(cudaErrorInvalidValue);
    std::memset(pointer, value, bytes);
    return cudaSuccess;
}

std::atomic<bool> device_present{true};

cudaError_t check_device(int device) {
    if (!device_present) return fail(cudaErrorNoDevice);
    return device == 0 ? cudaSuccess : fail(cudaErrorInvalidDevice);
}

}  // namespace

bool known_stream(cudaStream_t stream) { return stream == nullptr || streams().known(stream); }

void set_device_present(bool present) noexcept { device_present = present; }

void inject_fault(fault_kind kind, std::int64_t successes) noexcept {
    thread_fault_after[static_cast<int>(kind)] = successes < 0 ? -1 : successes;
}

}  // namespace simt

using simt::fail;

cudaError_t cudaGetDeviceCount(int* count) {
    if (count == nullptr) return fail(cudaErrorInvalidValue);
    *count = simt::device_present ? 1 : 0;
    return *count > 0 ? cudaSuccess : fail(cudaErrorNoDevice);
}

cudaError_t cudaGetDeviceProperties(cudaDeviceProp* properties, int device) {
    if (properties == nullptr) return fail(cudaErrorInvalidValue);
    if (const cudaError_t bad = simt::check_device(device)) return bad;
    *properties = cudaDeviceProp{};
    std::strncpy(properties->name, simt::device_name, sizeof properties->name - 1);
    properties->totalGlobalMem = simt::device_memory::capacity();
    properties->sharedMemPerBlock = simt::shared_bytes_per_block;
    properties->warpSize = simt::warp_size;
    properties->maxThreadsPerBlock = simt::max_threads_per_block;
    properties->maxThreadsDim[0] = 1024;
    properties->maxThreadsDim[1] = 1024;
    properties->maxThreadsDim[2] = 64;
    properties->maxGridSize[0] = 2147483647;
    properties->maxGridSize[1] = 65535;
    properties->maxGridSize[2] = 65535;
    // The newest architecture the nvcc build compiles for; nothing here depends on it.
    properties->major = 9;
    properties->minor = 0;
    properties->multiProcessorCount = simt::settings().workers;
    properties->cooperativeLaunch = 1;
    return cudaSuccess;
}

cudaError_t cudaDeviceGetAttribute(int* value, cudaDeviceAttr attribute, int device) {
    if (value == nullptr) return fail(cudaErrorInvalidValue);
    cudaDeviceProp properties;
    if (const cudaError_t bad = cudaGetDeviceProperties(&properties, device)) return bad;
    switch (attribute) {
        case cudaDevAttrMaxThreadsPerBlock: *value = properties.maxThreadsPerBlock; break;
        case cudaDevAttrMaxSharedMemoryPerBlock: *value = static_cast<int>(properties.sharedMemPerBlock); break;
        case cudaDevAttrWarpSize: *value = properties.warpSize; break;
        case cudaDevAttrMultiProcessorCount: *value = properties.multiProcessorCount; break;
        case cudaDevAttrComputeCapabilityMajor: *value = properties.major; break;
        case cudaDevAttrComputeCapabilityMinor: *value = properties.minor; break;
        case cudaDevAttrCooperativeLaunch: *value = properties.cooperativeLaunch; break;
        default: return fail(cudaErrorInvalidValue);
    }
    return cudaSuccess;
}

cudaError_t cudaSetDevice(int device) { return simt::check_device(device); }

cudaError_t cudaGetDevice(int* device) {
    if (device == nullptr) return fail(cudaErrorInvalidValue);
    *device = 0;
    return cudaSuccess;
}

cudaError_t cudaDeviceSynchronize() { return cudaSuccess; }

cudaError_t cudaGetLastError() { return simt::take_last_error(); }
cudaError_t cudaPeekAtLastError() { return simt::peek_last_error(); }
const char* cudaGetErrorName(cudaError_t error) { return simt::error_name(error); }
const char* cudaGetErrorString(cudaError_t error) { return simt::error_text(error); }

cudaError_t cudaMalloc(void** pointer, std::size_t bytes) {
    if (pointer == nullptr) return fail(cudaErrorInvalidValue);
    *pointer = nullptr;
    if (simt::injected_failure(simt::fault_kind::allocation)) return fail(cudaErrorMemoryAllocation);
    if (bytes == 0) return cudaSuccess;
    *pointer = simt::device_memory::allocate(bytes);
    return *pointer != nullptr ? cudaSuccess : fail(cudaErrorMemoryAllocation);
}

cudaError_t cudaFree(void* pointer) {
    if (pointer == nullptr) return cudaSuccess;
    return simt::device_memory::release(pointer) ? cudaSuccess : fail(cudaErrorInvalidValue);
}

cudaError_t cudaMallocHost(void** pointer, std::size_t bytes) {
    if (pointer == nullptr) return fail(cudaErrorInvalidValue);
    *pointer = simt::device_memory::allocate_pinned(bytes);
    return *pointer != nullptr ? cudaSuccess : fail(cudaErrorMemoryAllocation);
}

cudaError_t cudaFreeHost(void* pointer) {
    if (pointer == nullptr) return cudaSuccess;
    return simt::device_memory::release_pinned(pointer) ? cudaSuccess : fail(cudaErrorInvalidValue);
}

cudaError_t cudaMemGetInfo(std::size_t* free_bytes, std::size_t* total_bytes) {
    if (free_bytes == nullptr || total_bytes == nullptr) return fail(cudaErrorInvalidValue);
    *total_bytes = simt::device_memory::capacity();
    *free_bytes = *total_bytes - simt::device_memory::used();
    return cudaSuccess;
}

cudaError_t cudaMemcpy(void* destination, const void* source, std::size_t bytes, cudaMemcpyKind kind) {
    return simt::copy(destination, source, bytes, kind, nullptr);
}

cudaError_t cudaMemcpyAsync(void* destination, const void* source, std::size_t bytes, cudaMemcpyKind kind,
                            cudaStream_t stream) {
    return simt::copy(destination, source, bytes, kind, stream);
}

cudaError_t cudaMemset(void* pointer, int value, std::size_t bytes) { return simt::set(pointer, value, bytes, nullptr); }

cudaError_t cudaMemsetAsync(void* pointer, int value, std::size_t bytes, cudaStream_t stream) {
    return simt::set(pointer, value, bytes, stream);
}

cudaError_t cudaStreamCreate(cudaStream_t* stream) { return cudaStreamCreateWithFlags(stream, cudaStreamDefault); }

cudaError_t cudaStreamCreateWithFlags(cudaStream_t* stream, unsigned int flags) {
    if ((flags & ~cudaStreamNonBlocking) != 0) return fail(cudaErrorInvalidValue);
    return simt::streams().create(stream, simt::stream{flags});
}

cudaError_t cudaStreamDestroy(cudaStream_t stream) { return simt::streams().destroy(stream); }

cudaError_t cudaStreamSynchronize(cudaStream_t stream) {
    return simt::known_stream(stream) ? cudaSuccess : fail(cudaErrorInvalidResourceHandle);
}

cudaError_t cudaEventCreate(cudaEvent_t* event) { return simt::events().create(event, simt::event{}); }

cudaError_t cudaEventDestroy(cudaEvent_t event) { return simt::events().destroy(event); }

cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t stream) {
    if (!simt::events().known(event) || !simt::known_stream(stream)) return fail(cudaErrorInvalidResourceHandle);
    event->recorded = true;
    event->at = std::chrono::steady_clock::now();
    return cudaSuccess;
}

cudaError_t cudaEventSynchronize(cudaEvent_t event) {
    return simt::events().known(event) ? cudaSuccess : fail(cudaErrorInvalidResourceHandle);
}

cudaError_t cudaEventElapsedTime(float* milliseconds, cudaEvent_t start, cudaEvent_t end) {
    if (milliseconds == nullptr) return fail(cudaErrorInvalidValue);
    if (!simt::events().known(start) || !simt::events().known(end)) return fail(cudaErrorInvalidResourceHandle);
    if (!start->recorded || !end->recorded) return fail(cudaErrorInvalidResourceHandle);
    *milliseconds = std::chrono::duration<float, std::milli>(end->at - start->at).count();
    return cudaSuccess;
}

cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(int* blocks, const void* kernel, int block_size,
                                                          std::size_t dynamic_shared_bytes) {
    if (blocks == nullptr || kernel == nullptr || block_size <= 0 || block_size > simt::max_threads_per_block ||
        dynamic_shared_bytes > simt::shared_bytes_per_block) {
        return fail(cudaErrorInvalidValue);
    }
    *blocks = 1;
    return cudaSuccess;
}
