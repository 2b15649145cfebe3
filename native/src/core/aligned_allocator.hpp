// An allocator for buffers that threads write side by side: cache-line aligned, so that per-thread and
// per-chunk regions padded to whole cache lines never share a line (no false sharing).
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

namespace cheeger {

inline constexpr std::size_t cache_line_bytes = 64;

template <class T>
struct aligned_allocator {
    using value_type = T;

    aligned_allocator() noexcept = default;
    template <class U>
    explicit aligned_allocator(const aligned_allocator<U>& /*other*/) noexcept {}

    T* allocate(std::size_t count) {
        if (count > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_alloc();
        return static_cast<T*>(::operator new(count * sizeof(T), std::align_val_t{cache_line_bytes}));
    }

    void deallocate(T* pointer, std::size_t /*count*/) noexcept {
        ::operator delete(pointer, std::align_val_t{cache_line_bytes});
    }

    template <class U>
    bool operator==(const aligned_allocator<U>& /*other*/) const noexcept { return true; }
    template <class U>
    bool operator!=(const aligned_allocator<U>& /*other*/) const noexcept { return false; }
};

/// A vector whose data starts on a cache line.
template <class T>
using aligned_vector = std::vector<T, aligned_allocator<T>>;

/// count rounded up to whole cache lines of T.
template <class T>
constexpr std::int64_t round_up_to_cache_line(std::int64_t count) noexcept {
    constexpr auto per_line = static_cast<std::int64_t>(cache_line_bytes / sizeof(T));
    return (count + per_line - 1) / per_line * per_line;
}

}  // namespace cheeger
