#include "fiber_stacks.hpp"

#include <mutex>

namespace simt {

namespace {

struct stack_pool {
    std::mutex mutex;
    std::vector<std::unique_ptr<stack_set>> idle;
};

stack_pool& pool() {
    // Never destroyed: worker threads may still return sets while the process exits.
    static auto* value = new stack_pool;
    return *value;
}

}  // namespace

stack_set::~stack_set() {
    for (auto& stack : stacks_) allocator_.deallocate(stack);
}

boost::context::stack_context& stack_set::at(std::size_t index) {
    while (stacks_.size() <= index) stacks_.push_back(allocator_.allocate());
    return stacks_[index];
}

borrowed_stacks::borrowed_stacks() {
    stack_pool& p = pool();
    {
        const std::lock_guard lock(p.mutex);
        if (!p.idle.empty()) {
            set_ = std::move(p.idle.back());
            p.idle.pop_back();
        }
    }
    if (!set_) set_ = std::make_unique<stack_set>();
}

borrowed_stacks::~borrowed_stacks() {
    stack_pool& p = pool();
    const std::lock_guard lock(p.mutex);
    p.idle.push_back(std::move(set_));
}

}  // namespace simt
