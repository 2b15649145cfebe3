// A fixed set of worker threads owned by one context. parallel_for hands out task indices 0..count-1 to the
// calling thread and the workers; which thread runs which task varies, so callers make every task write only
// its own outputs and combine them afterwards in task order (that is what keeps results independent of the
// thread count).
//
// Why not OpenMP: the thread count is a per-context setting, and two contexts with different counts may run at
// once in one process; OpenMP's team size is a per-thread ICV of the calling thread and its runtime (libgomp
// threads that keep spinning after a region, one runtime per process) is shared with whatever else the host
// process (a .NET application) loaded. A pool per context is exact, quiet when idle and has no runtime to ship.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace cheeger {

class thread_pool {
public:
    /// A pool of `threads` participants: the calling thread plus threads - 1 workers (threads >= 1).
    explicit thread_pool(int threads);
    ~thread_pool();

    thread_pool(const thread_pool&) = delete;
    thread_pool& operator=(const thread_pool&) = delete;

    /// Participants, the calling thread included.
    [[nodiscard]] int size() const noexcept { return static_cast<int>(workers_.size()) + 1; }

    /// Runs body(task, participant) for every task in [0, count), participant in [0, size()), and returns when
    /// all are done. The first exception a task throws is rethrown here (remaining tasks are skipped).
    /// Allocates nothing.
    template <class Body>
    void parallel_for(std::int64_t count, Body&& body) {
        using body_type = std::remove_reference_t<Body>;
        run(count, [](const void* state, std::int64_t task, int participant) {
            (*static_cast<const body_type*>(state))(task, participant);
        }, static_cast<const void*>(&body));
    }

private:
    using task_function = void (*)(const void* state, std::int64_t task, int participant);

    void run(std::int64_t count, task_function function, const void* state);
    void drain(int participant) noexcept;
    void worker_loop(int participant) noexcept;

    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable work_done_;
    std::uint64_t generation_ = 0;  // bumped for every job
    int busy_workers_ = 0;          // workers that have not finished the current job
    bool stopping_ = false;

    // The current job (written under mutex_ before generation_ is bumped).
    task_function function_ = nullptr;
    const void* state_ = nullptr;
    std::int64_t count_ = 0;
    std::atomic<std::int64_t> next_task_{0};  // the next unclaimed task; claimed without the lock
    std::exception_ptr failure_;              // first exception of the job (under mutex_)
};

}  // namespace cheeger
