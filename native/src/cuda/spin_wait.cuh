// The body of a loop that spins on device memory until another block writes it. On a GPU the waiting block keeps
// its multiprocessor and spins; on the emulated device (native/simt) each block is an OS thread that may share a
// core with the block it waits for, so it gives the core up (otherwise it could spin out its whole time slice).
#pragma once

#if defined(CHEEGER_CUDA_EMULATION)
#define CHEEGER_SPIN_WAIT() ::simt::spin_wait()
#else
#define CHEEGER_SPIN_WAIT() \
    do {                    \
    } while (false)
#endif
