// cheeger_last_error.
#include "cheeger.h"
#include "core/last_error.hpp"

extern "C" CHEEGER_API const char* cheeger_last_error(void) { return cheeger::last_error(); }
