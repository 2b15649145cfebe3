// A kernel that breaks a rule of the device (a barrier some of its threads never reach, a warp vote whose lanes
// have returned) would hang or misbehave on a GPU; the emulation says what happened, where, and stops the process.
#pragma once

namespace simt {

[[noreturn]] void fatal(const char* format, ...) __attribute__((format(printf, 1, 2)));

}  // namespace simt
