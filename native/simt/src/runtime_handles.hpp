// Whether a stream handle is one the emulated runtime made (null is the default stream).
#pragma once

#include "simt/runtime_types.hpp"

namespace simt {

bool known_stream(cudaStream_t stream);

}  // namespace simt
