// Runs one block of a grid on the calling OS thread: each CUDA thread is a fiber that runs until it reaches a
// barrier (__syncthreads, a warp vote) or returns; when every fiber waits, the barriers whose threads have all
// arrived open, and the next sweep resumes their fibers. Threads run in index order between barriers, or in a
// seeded shuffled order (CHEEGER_SIMT_SHUFFLE_SEED).
#pragma once

#include <boost/context/fiber.hpp>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "fiber_stacks.hpp"
#include "simt/device_functions.hpp"
#include "simt/launch.hpp"

namespace simt {

class block_scheduler {
public:
    explicit block_scheduler(stack_set& stacks) noexcept : stacks_(stacks) {}
    block_scheduler(const block_scheduler&) = delete;
    block_scheduler& operator=(const block_scheduler&) = delete;

    /// Runs every thread of `block` to its end. `shuffle_seed`: see the top of this file.
    void run(const kernel_body& body, const block_position& block, std::optional<std::uint64_t> shuffle_seed);

    /// The running fiber waits at __syncthreads.
    void wait_at_block_barrier();
    /// The running fiber waits at a warp vote of the lanes in `mask`; returns the ballot.
    unsigned int wait_at_warp_vote(unsigned int mask, int predicate);

    /// The scheduler of the block running on this OS thread (null outside a kernel).
    static block_scheduler* running() noexcept;

private:
    enum class thread_state { runnable, at_block_barrier, at_warp_vote, returned };

    struct fiber_thread {
        thread_position position{};
        unsigned int linear = 0;
        thread_state state = thread_state::runnable;
        unsigned int vote_mask = 0;
        int vote_predicate = 0;
        unsigned int vote_result = 0;
        boost::context::fiber self;       // this thread, while it is suspended
        boost::context::fiber scheduler;  // the scheduler, while this thread runs
        void* sanitizer_stack = nullptr;
        boost::context::stack_context stack{};  // a copy: the set's vector may grow while the block is set up
    };

    void resume(fiber_thread& thread);
    void suspend(fiber_thread& thread);
    /// Opens the barriers whose threads have all arrived; stops the process when none can open.
    void open_barriers();
    bool open_warp_votes();
    [[noreturn]] void report(const fiber_thread& thread, const char* what) const;

    stack_set& stacks_;
    const block_position* block_ = nullptr;
    std::vector<fiber_thread> threads_;
    std::vector<unsigned int> order_;
    fiber_thread* running_ = nullptr;
    void* scheduler_sanitizer_stack_ = nullptr;
    const void* scheduler_stack_bottom_ = nullptr;
    std::size_t scheduler_stack_size_ = 0;
};

}  // namespace simt
