#include "fatal.hpp"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace simt {

void fatal(const char* format, ...) {
    std::fputs("cheeger simt: ", stderr);
    va_list arguments;
    va_start(arguments, format);
    std::vfprintf(stderr, format, arguments);
    va_end(arguments);
    std::fputc('\n', stderr);
    std::fflush(stderr);
    std::abort();
}

}  // namespace simt
