// A reusable barrier for a team that meets once per Prim step (thousands of times per run): waiting threads
// spin briefly, then yield, and never sleep in the kernel, because a sleeping participant would cost more than
// a whole step. Sense is kept by a generation counter, so the barrier is reusable at once.
#pragma once

#include <atomic>
#include <thread>

#include "core/aligned_allocator.hpp"

namespace cheeger::iso {

class spin_barrier {
public:
    explicit spin_barrier(int parties) noexcept : parties_(parties) {}

    spin_barrier(const spin_barrier&) = delete;
    spin_barrier& operator=(const spin_barrier&) = delete;

    /// Returns when all parties have arrived. Writes before the call are visible to every party after it.
    void arrive_and_wait() noexcept {
        const unsigned generation = generation_.load(std::memory_order_acquire);
        if (arrived_.fetch_add(1, std::memory_order_acq_rel) + 1 == parties_) {
            arrived_.store(0, std::memory_order_relaxed);
            generation_.fetch_add(1, std::memory_order_release);
            return;
        }
        for (int spins = 0; generation_.load(std::memory_order_acquire) == generation; ++spins) {
            if (spins < spins_before_yield) {
                pause();
            } else {
                std::this_thread::yield();
            }
        }
    }

private:
    static constexpr int spins_before_yield = 256;

    static void pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }

    alignas(cache_line_bytes) std::atomic<int> arrived_{0};
    alignas(cache_line_bytes) std::atomic<unsigned> generation_{0};
    alignas(cache_line_bytes) const int parties_;
};

}  // namespace cheeger::iso
