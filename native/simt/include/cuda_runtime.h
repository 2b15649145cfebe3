// The CUDA runtime as the emulated device provides it: the .cu sources of native/src/cuda are compiled as host C++
// with this header force-included (in place of the header nvcc includes), so that every kernel runs on the CPU
// (native/simt/README.md). Only what the sources use is here, with the toolkit's names and signatures.
#pragma once

#include "simt/runtime_types.hpp"
#include "simt/device_functions.hpp"
#include "simt/runtime_api.hpp"
#include "simt/launch.hpp"
