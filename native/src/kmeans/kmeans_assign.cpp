// The assignment kernel of the CPU family in use (core/cpu_kernel_family.hpp).
#include "kmeans/kmeans_assign.hpp"

#include "core/cpu_kernel_family.hpp"
#include "kmeans/kmeans_assign_kernels.hpp"

namespace cheeger::kmeans {

assign_block_function assign_block_for(std::int64_t d) {
    require_cpu_kernel_available();
    switch (cpu_kernel_in_use()) {
        case cpu_kernel_family::avx512: return avx512_kernel(d);
        case cpu_kernel_family::avx2: return avx2_kernel(d);
        case cpu_kernel_family::scalar: break;
    }
    return scalar_kernel(d);
}

}  // namespace cheeger::kmeans
