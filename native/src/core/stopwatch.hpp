// Seconds elapsed, for the per-phase timings of the info structs.
#pragma once

#include <chrono>

namespace cheeger {

class stopwatch {
public:
    stopwatch() noexcept : start_(std::chrono::steady_clock::now()) {}

    /// Seconds since construction or the last restart().
    [[nodiscard]] double seconds() const noexcept {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

    void restart() noexcept { start_ = std::chrono::steady_clock::now(); }

private:
    std::chrono::steady_clock::time_point start_;
};

}  // namespace cheeger
