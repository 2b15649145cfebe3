// Kernel launches on the emulated device. The product's launch helper (native/src/cuda/kernel_launch.cuh) turns a
// kernel and its arguments into a kernel_body: every thread of every block calls it, each with its own indices.
#pragma once

#include <cstddef>

#include "simt/runtime_types.hpp"

namespace simt {

/// A kernel with its arguments bound: callable without arguments, by many threads at once. It refers to the
/// callable it was made from, which must outlive the launch (launches complete before they return).
class kernel_body {
public:
    template <class Callable>
    explicit kernel_body(const Callable& callable) noexcept
        : callable_(&callable), call_([](const void* bound) { (*static_cast<const Callable*>(bound))(); }) {}

    void operator()() const { call_(callable_); }

private:
    const void* callable_;
    void (*call_)(const void*);
};

/// The launch configuration of <<<grid, block, shared, stream>>>, and whether every block must be resident at once
/// (cudaLaunchCooperativeKernel).
struct launch_shape {
    dim3 grid;
    dim3 block;
    std::size_t dynamic_shared_bytes;
    cudaStream_t stream;
    bool cooperative;
};

/// Runs the grid to completion. A bad configuration returns its error (and leaves it for cudaGetLastError), as
/// the device does; the kernel does not run then.
cudaError_t launch(const launch_shape& shape, const kernel_body& body);

}  // namespace simt
