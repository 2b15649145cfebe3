// The emulated runtime's errors: per host thread, the last one is kept until cudaGetLastError reads it, and each
// has the toolkit's name and text.
#pragma once

#include "simt/runtime_types.hpp"

namespace simt {

/// Records `error` as the calling thread's last error and returns it.
cudaError_t fail(cudaError_t error) noexcept;
/// The last error, which is then reset to cudaSuccess.
cudaError_t take_last_error() noexcept;
/// The last error, kept.
cudaError_t peek_last_error() noexcept;

const char* error_name(cudaError_t error) noexcept;
const char* error_text(cudaError_t error) noexcept;

}  // namespace simt
