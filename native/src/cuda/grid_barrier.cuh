// A barrier across all blocks of a cooperatively launched grid (cudaLaunchCooperativeKernel guarantees that every
// block is resident, so waiting for the others cannot deadlock). The same protocol as cooperative groups'
// grid.sync(): the block synchronises, one thread publishes the block's writes (__threadfence) and arrives on a
// counter; the last to arrive resets it and starts the next generation; the others wait for that generation.
#pragma once

#include "cuda/spin_wait.cuh"

namespace cheeger::cuda {

/// The barrier's state in device memory; zero it before the launch.
struct grid_barrier_state {
    unsigned int arrived;
    unsigned int generation;
};

/// Waits until every block of the grid has called it (every thread of every block must call it).
__device__ __forceinline__ void grid_barrier(grid_barrier_state* state) {
    __syncthreads();
    if (threadIdx.x == 0) {
        volatile unsigned int* generation = &state->generation;
        const unsigned int current = *generation;
        __threadfence();  // this block's writes are visible before it arrives
        if (atomicAdd(&state->arrived, 1u) == gridDim.x - 1) {
            state->arrived = 0;
            __threadfence();
            atomicAdd(&state->generation, 1u);
        } else {
            while (*generation == current) {
                CHEEGER_SPIN_WAIT();
            }
        }
        __threadfence();  // the other blocks' writes are visible after it leaves
    }
    __syncthreads();
}

}  // namespace cheeger::cuda
