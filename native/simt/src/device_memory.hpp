// The emulated device's memory: host allocations registered as device (or pinned host) memory, so that the
// runtime can check what a copy, a memset or a free is given, as the device's runtime does.
#pragma once

#include <cstddef>

namespace simt::device_memory {

/// The bytes the emulated device has in all (half the machine's memory, at most 16 GiB).
std::size_t capacity() noexcept;
/// The bytes allocated now.
std::size_t used() noexcept;

/// Allocates `bytes` (256-byte aligned); null when the capacity is exhausted or the host has no memory left.
void* allocate(std::size_t bytes) noexcept;
/// Frees an allocation of allocate(); false when `pointer` is not one.
bool release(void* pointer) noexcept;

/// Whether [pointer, pointer + bytes) lies inside one device allocation.
bool contains(const void* pointer, std::size_t bytes) noexcept;
/// Whether `pointer` points into any device allocation.
bool points_into(const void* pointer) noexcept;

/// Pinned host memory (cudaMallocHost): plain host memory, registered so that cudaFreeHost can check it.
void* allocate_pinned(std::size_t bytes) noexcept;
bool release_pinned(void* pointer) noexcept;

}  // namespace simt::device_memory
