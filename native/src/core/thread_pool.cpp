#include "core/thread_pool.hpp"

#include <system_error>

#include "cheeger.h"
#include "core/error.hpp"
#include "core/message.hpp"

namespace cheeger {

thread_pool::thread_pool(int threads) {
    const int workers = threads > 1 ? threads - 1 : 0;
    try {
        workers_.reserve(static_cast<std::size_t>(workers));
        for (int w = 0; w < workers; ++w) workers_.emplace_back([this, w] { worker_loop(w + 1); });
    } catch (const std::system_error& e) {
        const std::size_t started = workers_.size();
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        work_ready_.notify_all();
        for (auto& worker : workers_) worker.join();
        throw error(CHEEGER_STATUS_OUT_OF_MEMORY, message("could not start worker thread ", started + 1, " of ",
                                                          workers, ": ", e.what()));
    }
}

thread_pool::~thread_pool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& worker : workers_) worker.join();
}

void thread_pool::run(std::int64_t count, task_function function, const void* state) {
    if (count <= 0) return;
    if (workers_.empty() || count == 1) {
        for (std::int64_t task = 0; task < count; ++task) function(state, task, 0);
        return;
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        function_ = function;
        state_ = state;
        count_ = count;
        next_task_.store(0, std::memory_order_relaxed);
        failure_ = nullptr;
        busy_workers_ = static_cast<int>(workers_.size());
        ++generation_;
    }
    work_ready_.notify_all();
    drain(0);
    std::exception_ptr failure;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        work_done_.wait(lock, [this] { return busy_workers_ == 0; });
        failure = failure_;
        failure_ = nullptr;
    }
    if (failure) std::rethrow_exception(failure);
}

void thread_pool::drain(int participant) noexcept {
    for (;;) {
        const std::int64_t task = next_task_.fetch_add(1, std::memory_order_relaxed);
        if (task >= count_) return;
        try {
            function_(state_, task, participant);
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!failure_) failure_ = std::current_exception();
            next_task_.store(count_, std::memory_order_relaxed);  // skip what is left
        }
    }
}

void thread_pool::worker_loop(int participant) noexcept {
    std::uint64_t seen = 0;
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            work_ready_.wait(lock, [&] { return stopping_ || generation_ != seen; });
            if (stopping_) return;
            seen = generation_;
        }
        drain(participant);
        bool last;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            last = --busy_workers_ == 0;
        }
        if (last) work_done_.notify_one();
    }
}

}  // namespace cheeger
