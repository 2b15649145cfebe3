// The dynamic shared memory of a kernel (the launch's shared-memory bytes), declared in one form for both builds:
// nvcc's extern __shared__ array, or the emulated device's per-block buffer (native/simt).
#pragma once

#if defined(CHEEGER_CUDA_EMULATION)
#define CHEEGER_DYNAMIC_SHARED(name) unsigned char* const name = ::simt::dynamic_shared()
#else
#define CHEEGER_DYNAMIC_SHARED(name) extern __shared__ __align__(16) unsigned char name[]
#endif
