# Optional libFuzzer build of the C API (-DCHEEGER_FUZZ=ON, the `fuzz` preset): native/fuzz/ builds
# cheeger_fuzz_c_api with clang's -fsanitize=fuzzer,address,undefined. libFuzzer ships with clang only, so the
# option refuses any other compiler.
include_guard(GLOBAL)

option(CHEEGER_FUZZ "Build the libFuzzer target native/fuzz (needs clang, e.g. clang-14)" OFF)

if(CHEEGER_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR
            "CHEEGER_FUZZ needs clang (libFuzzer); the C++ compiler is ${CMAKE_CXX_COMPILER_ID}. "
            "Configure with `cmake --preset fuzz` or -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14.")
    endif()
    if(CHEEGER_SANITIZE)
        message(FATAL_ERROR "CHEEGER_FUZZ brings its own sanitizers (address, undefined); leave CHEEGER_SANITIZE empty")
    endif()
    message(STATUS "Cheeger: libFuzzer target cheeger_fuzz_c_api")
endif()
