#include "device_memory.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <new>
#include <set>

namespace simt::device_memory {

namespace {

constexpr std::size_t alignment = 256;  // what cudaMalloc guarantees

struct registry {
    std::mutex mutex;
    std::map<const unsigned char*, std::size_t, std::less<>> allocations;  // start -> bytes
    std::set<void*> pinned;
    std::size_t used = 0;
};

registry& the_registry() {
    static registry value;
    return value;
}

// The allocation that `pointer` points into, or allocations.end(). Caller holds the mutex.
auto allocation_of(registry& r, const unsigned char* pointer) {
    auto after = r.allocations.upper_bound(pointer);
    if (after == r.allocations.begin()) return r.allocations.end();
    auto at = std::prev(after);
    // One past the end belongs to it too (a zero-length range there is valid).
    return pointer <= at->first + at->second ? at : r.allocations.end();
}

}  // namespace

std::size_t capacity() noexcept {
    static const std::size_t value = [] {
        const long pages = sysconf(_SC_PHYS_PAGES);
        const long page_size = sysconf(_SC_PAGE_SIZE);
        const std::size_t physical =
            pages > 0 && page_size > 0 ? static_cast<std::size_t>(pages) * static_cast<std::size_t>(page_size) : 0;
        return std::min<std::size_t>(physical / 2, std::size_t{16} << 30);
    }();
    return value;
}

std::size_t used() noexcept {
    registry& r = the_registry();
    const std::lock_guard lock(r.mutex);
    return r.used;
}

void* allocate(std::size_t bytes) noexcept {
    registry& r = the_registry();
    const std::lock_guard lock(r.mutex);
    if (bytes > capacity() - r.used) return nullptr;
    // Exactly `bytes`, so that the address sanitizer reports an access one past the end.
    void* pointer = ::operator new(std::max<std::size_t>(bytes, 1), std::align_val_t{alignment}, std::nothrow);
    if (pointer == nullptr) return nullptr;
    r.allocations.emplace(static_cast<const unsigned char*>(pointer), bytes);
    r.used += bytes;
    return pointer;
}

bool release(void* pointer) noexcept {
    registry& r = the_registry();
    const std::lock_guard lock(r.mutex);
    const auto at = r.allocations.find(static_cast<const unsigned char*>(pointer));
    if (at == r.allocations.end()) return false;
    r.used -= at->second;
    r.allocations.erase(at);
    ::operator delete(pointer, std::align_val_t{alignment});
    return true;
}

bool contains(const void* pointer, std::size_t bytes) noexcept {
    registry& r = the_registry();
    const std::lock_guard lock(r.mutex);
    const auto* start = static_cast<const unsigned char*>(pointer);
    const auto at = allocation_of(r, start);
    if (at == r.allocations.end()) return false;
    const auto offset = static_cast<std::size_t>(start - at->first);
    return bytes <= at->second - offset;
}

bool points_into(const void* pointer) noexcept {
    registry& r = the_registry();
    const std::lock_guard lock(r.mutex);
    return allocation_of(r, static_cast<const unsigned char*>(pointer)) != r.allocations.end();
}

void* allocate_pinned(std::size_t bytes) noexcept {
    void* pointer = ::operator new(std::max<std::size_t>(bytes, 1), std::align_val_t{alignment}, std::nothrow);
    if (pointer == nullptr) return nullptr;
    registry& r = the_registry();
    const std::lock_guard lock(r.mutex);
    r.pinned.insert(pointer);
    return pointer;
}

bool release_pinned(void* pointer) noexcept {
    registry& r = the_registry();
    {
        const std::lock_guard lock(r.mutex);
        if (r.pinned.erase(pointer) == 0) return false;
    }
    ::operator delete(pointer, std::align_val_t{alignment});
    return true;
}

}  // namespace simt::device_memory
