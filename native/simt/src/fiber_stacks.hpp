// Stacks for the fibers of a block: mapped once with a guard page each (an overflow faults instead of writing over
// a neighbour) and kept in sets that the worker threads borrow, so that a launch maps nothing.
#pragma once

#include <boost/context/protected_fixedsize_stack.hpp>
#include <boost/context/stack_context.hpp>
#include <cstddef>
#include <memory>
#include <vector>

namespace simt {

/// Bytes of each fiber's stack (a kernel's frames are small; the sanitizers' are larger).
inline constexpr std::size_t fiber_stack_bytes = 256 * 1024;

/// The stacks of one worker: at least as many as the threads of the block it runs.
class stack_set {
public:
    stack_set() = default;
    stack_set(const stack_set&) = delete;
    stack_set& operator=(const stack_set&) = delete;
    ~stack_set();

    /// Stack `index`, mapped on first use.
    boost::context::stack_context& at(std::size_t index);

private:
    boost::context::protected_fixedsize_stack allocator_{fiber_stack_bytes};
    std::vector<boost::context::stack_context> stacks_;
};

/// A stack set borrowed from the process's pool for the lifetime of this object.
class borrowed_stacks {
public:
    borrowed_stacks();
    borrowed_stacks(const borrowed_stacks&) = delete;
    borrowed_stacks& operator=(const borrowed_stacks&) = delete;
    ~borrowed_stacks();

    stack_set& get() noexcept { return *set_; }

private:
    std::unique_ptr<stack_set> set_;
};

/// The stack allocator a fiber is created with: hands out one stack of a set and leaves it to the set.
struct lent_stack {
    boost::context::stack_context stack;
    boost::context::stack_context allocate() const noexcept { return stack; }
    void deallocate(boost::context::stack_context&) const noexcept {}
};

}  // namespace simt
