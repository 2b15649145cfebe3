#include "block_scheduler.hpp"

#include <algorithm>
#include <exception>
#include <numeric>
#include <thread>

#include "fatal.hpp"
#include "fiber_sanitizer.hpp"

namespace simt {

thread_local const thread_position* current_thread = nullptr;
thread_local const block_position* current_block = nullptr;

namespace {

constexpr unsigned int warp_size = 32;

thread_local block_scheduler* running_scheduler = nullptr;

block_scheduler& scheduler_of_caller(const char* what) {
    block_scheduler* scheduler = block_scheduler::running();
    if (scheduler == nullptr) fatal("%s called outside a kernel", what);
    return *scheduler;
}

}  // namespace

void sync_block() { scheduler_of_caller("__syncthreads").wait_at_block_barrier(); }

unsigned int ballot_sync(unsigned int mask, int predicate) {
    return scheduler_of_caller("__ballot_sync").wait_at_warp_vote(mask, predicate);
}

void spin_wait() noexcept { std::this_thread::yield(); }

block_scheduler* block_scheduler::running() noexcept { return running_scheduler; }

void block_scheduler::run(const kernel_body& body, const block_position& block,
                          std::optional<std::uint64_t> shuffle_seed) {
    block_ = &block;
    const unsigned int count = block.dim.x * block.dim.y * block.dim.z;
    threads_.clear();
    threads_.resize(count);
    order_.resize(count);
    std::iota(order_.begin(), order_.end(), 0U);
    for (unsigned int i = 0; i < count; ++i) {
        fiber_thread& thread = threads_[i];
        thread.linear = i;
        thread.position.index = uint3{i % block.dim.x, i / block.dim.x % block.dim.y, i / (block.dim.x * block.dim.y)};
        thread.stack = stacks_.at(i);
        thread.self = boost::context::fiber(
            std::allocator_arg, lent_stack{thread.stack}, [this, &thread, &body](boost::context::fiber&& scheduler) {
                fiber_sanitizer::finish_switch(nullptr, &scheduler_stack_bottom_, &scheduler_stack_size_);
                thread.scheduler = std::move(scheduler);
                try {
                    body();
                } catch (const std::exception& e) {
                    report(thread, e.what());
                } catch (...) {
                    report(thread, "an exception left the kernel");
                }
                thread.state = thread_state::returned;
                fiber_sanitizer::start_switch(nullptr, scheduler_stack_bottom_, scheduler_stack_size_);
                return std::move(thread.scheduler);
            });
    }

    // The shuffled order depends on the seed, the block and the sweep only: a run can be repeated.
    std::optional<std::mt19937_64> shuffle;
    if (shuffle_seed) {
        const std::uint64_t linear_block =
            block.index.x + std::uint64_t{block.grid.x} * (block.index.y + std::uint64_t{block.grid.y} * block.index.z);
        shuffle.emplace(*shuffle_seed ^ (linear_block * 0x9E3779B97F4A7C15ULL));
    }

    running_scheduler = this;
    current_block = block_;
    while (true) {
        if (shuffle) std::shuffle(order_.begin(), order_.end(), *shuffle);
        for (const unsigned int i : order_) {
            if (threads_[i].state == thread_state::runnable) resume(threads_[i]);
        }
        const bool done = std::all_of(threads_.begin(), threads_.end(),
                                      [](const fiber_thread& t) { return t.state == thread_state::returned; });
        if (done) break;
        open_barriers();
    }
    running_scheduler = nullptr;
    current_block = nullptr;
    current_thread = nullptr;
    threads_.clear();  // every fiber has returned: this releases their records
    block_ = nullptr;
}

void block_scheduler::resume(fiber_thread& thread) {
    running_ = &thread;
    current_thread = &thread.position;
    const boost::context::stack_context& stack = thread.stack;
    fiber_sanitizer::start_switch(&scheduler_sanitizer_stack_, static_cast<const char*>(stack.sp) - stack.size,
                                  stack.size);
    thread.self = std::move(thread.self).resume();
    fiber_sanitizer::finish_switch(scheduler_sanitizer_stack_, nullptr, nullptr);
    running_ = nullptr;
}

void block_scheduler::suspend(fiber_thread& thread) {
    fiber_sanitizer::start_switch(&thread.sanitizer_stack, scheduler_stack_bottom_, scheduler_stack_size_);
    thread.scheduler = std::move(thread.scheduler).resume();
    fiber_sanitizer::finish_switch(thread.sanitizer_stack, nullptr, nullptr);
}

void block_scheduler::wait_at_block_barrier() {
    fiber_thread& thread = *running_;
    thread.state = thread_state::at_block_barrier;
    suspend(thread);
}

unsigned int block_scheduler::wait_at_warp_vote(unsigned int mask, int predicate) {
    fiber_thread& thread = *running_;
    const unsigned int lane = thread.linear % warp_size;
    if ((mask >> lane & 1U) == 0) report(thread, "__ballot_sync from a lane outside its own mask");
    thread.state = thread_state::at_warp_vote;
    thread.vote_mask = mask;
    thread.vote_predicate = predicate;
    suspend(thread);
    return thread.vote_result;
}

bool block_scheduler::open_warp_votes() {
    bool opened = false;
    const auto count = static_cast<unsigned int>(threads_.size());
    for (unsigned int first = 0; first < count; first += warp_size) {
        // Every waiting lane of this warp must find each lane of its mask at a vote with the same mask.
        const fiber_thread* waiting = nullptr;
        for (unsigned int i = first; i < std::min(first + warp_size, count); ++i) {
            if (threads_[i].state == thread_state::at_warp_vote) {
                waiting = &threads_[i];
                break;
            }
        }
        if (waiting == nullptr) continue;
        const unsigned int mask = waiting->vote_mask;
        unsigned int ballot = 0;
        for (unsigned int lane = 0; lane < warp_size; ++lane) {
            if ((mask >> lane & 1U) == 0) continue;
            if (first + lane >= count) report(*waiting, "__ballot_sync names a lane that the block does not have");
            const fiber_thread& member = threads_[first + lane];
            if (member.state == thread_state::returned) {
                report(*waiting, "__ballot_sync waits for a lane of its mask that has returned");
            }
            if (member.state != thread_state::at_warp_vote) {
                report(*waiting, "__ballot_sync waits for a lane of its mask that waits at __syncthreads");
            }
            if (member.vote_mask != mask) report(member, "__ballot_sync with a mask other than its lanes' masks");
            if (member.vote_predicate != 0) ballot |= 1U << lane;
        }
        for (unsigned int lane = 0; lane < warp_size; ++lane) {
            if ((mask >> lane & 1U) == 0) continue;
            fiber_thread& member = threads_[first + lane];
            member.vote_result = ballot;
            member.state = thread_state::runnable;
        }
        opened = true;
    }
    return opened;
}

void block_scheduler::open_barriers() {
    if (open_warp_votes()) return;
    // Every thread that has not returned waits at __syncthreads.
    for (const fiber_thread& thread : threads_) {
        if (thread.state == thread_state::returned) {
            const auto waiting = std::find_if(threads_.begin(), threads_.end(), [](const fiber_thread& t) {
                return t.state == thread_state::at_block_barrier;
            });
            report(*waiting, "__syncthreads waits for a thread of the block that has returned");
        }
    }
    for (fiber_thread& thread : threads_) thread.state = thread_state::runnable;
}

void block_scheduler::report(const fiber_thread& thread, const char* what) const {
    fatal("%s (block (%u, %u, %u) of grid (%u, %u, %u), thread (%u, %u, %u) of block (%u, %u, %u))", what,
          block_->index.x, block_->index.y, block_->index.z, block_->grid.x, block_->grid.y, block_->grid.z,
          thread.position.index.x, thread.position.index.y, thread.position.index.z, block_->dim.x, block_->dim.y,
          block_->dim.z);
}

}  // namespace simt
