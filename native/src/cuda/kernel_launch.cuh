// Kernel launches in one form for both builds of the CUDA sources: nvcc's (a launch through the runtime API) and
// the emulated device's (native/simt: the kernel runs on the CPU). launch() is <<<grid, block, shared, stream>>>;
// its errors are read by CHEEGER_CUDA_CHECK_LAUNCH, as after <<<...>>>. launch_cooperative() is
// cudaLaunchCooperativeKernel and returns its error.
#pragma once

#include <cstddef>

namespace cheeger::cuda {

namespace detail {

template <class... Params>
cudaError_t launch_kernel(void (*kernel)(Params...), dim3 grid, dim3 block, std::size_t shared_bytes,
                          cudaStream_t stream, bool cooperative, Params... arguments) {
#if defined(CHEEGER_CUDA_EMULATION)
    const auto body = [&] { kernel(arguments...); };
    return simt::launch(simt::launch_shape{grid, block, shared_bytes, stream, cooperative}, simt::kernel_body(body));
#else
    void* pointers[] = {static_cast<void*>(&arguments)..., nullptr};
    const void* function = reinterpret_cast<const void*>(kernel);
    return cooperative ? cudaLaunchCooperativeKernel(function, grid, block, pointers, shared_bytes, stream)
                       : cudaLaunchKernel(function, grid, block, pointers, shared_bytes, stream);
#endif
}

}  // namespace detail

/// kernel<<<grid, block, shared_bytes, stream>>>(arguments...); check with CHEEGER_CUDA_CHECK_LAUNCH.
template <class... Params, class... Arguments>
void launch(void (*kernel)(Params...), dim3 grid, dim3 block, std::size_t shared_bytes, cudaStream_t stream,
            const Arguments&... arguments) {
    (void)detail::launch_kernel<Params...>(kernel, grid, block, shared_bytes, stream, false,
                                           static_cast<Params>(arguments)...);
}

/// cudaLaunchCooperativeKernel(kernel, grid, block, {arguments...}, shared_bytes, stream): every block resident at
/// once (the grid barrier needs it).
template <class... Params, class... Arguments>
[[nodiscard]] cudaError_t launch_cooperative(void (*kernel)(Params...), dim3 grid, dim3 block,
                                             std::size_t shared_bytes, cudaStream_t stream,
                                             const Arguments&... arguments) {
    return detail::launch_kernel<Params...>(kernel, grid, block, shared_bytes, stream, true,
                                            static_cast<Params>(arguments)...);
}

}  // namespace cheeger::cuda
