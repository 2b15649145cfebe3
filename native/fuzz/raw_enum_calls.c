/* Calls that pass an enum parameter as the plain int a C caller may pass. In C an enum is an int, so any value
 * is a valid argument; C++ may not even load an out-of-range value of the enum type, so the fuzzer, which is
 * C++, goes through here. */
#include "raw_enum_calls.h"

cheeger_status cheeger_fuzz_context_create(int32_t backend, int32_t threads, cheeger_context* out) {
    return cheeger_context_create((cheeger_backend)backend, threads, out);
}
