/* Calls of the C API with enum parameters given as raw ints (see raw_enum_calls.c). */
#ifndef CHEEGER_FUZZ_RAW_ENUM_CALLS_H
#define CHEEGER_FUZZ_RAW_ENUM_CALLS_H

#include "cheeger.h"

#ifdef __cplusplus
extern "C" {
#endif

/* cheeger_context_create with the backend as the int a C caller passed. */
cheeger_status cheeger_fuzz_context_create(int32_t backend, int32_t threads, cheeger_context* out);

#ifdef __cplusplus
}
#endif

#endif /* CHEEGER_FUZZ_RAW_ENUM_CALLS_H */
