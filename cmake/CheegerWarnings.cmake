# Strict warnings for Cheeger's own targets (never for third-party code), as errors unless
# CHEEGER_WARNINGS_AS_ERRORS is OFF (for trying a newer compiler before fixing what it finds).
include_guard(GLOBAL)

option(CHEEGER_WARNINGS_AS_ERRORS "Treat compiler warnings in Cheeger's own targets as errors" ON)

set(CHEEGER_CXX_WARNINGS
    -Wall -Wextra -Wpedantic
    -Wshadow -Wconversion -Wsign-conversion -Wdouble-promotion
    -Wold-style-cast -Wcast-align -Wcast-qual
    -Wnon-virtual-dtor -Woverloaded-virtual
    -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough
    -Wmisleading-indentation -Wduplicated-cond -Wduplicated-branches -Wlogical-op
    -Wundef -Wmissing-declarations)

set(CHEEGER_C_WARNINGS
    -Wall -Wextra -Wpedantic
    -Wshadow -Wconversion -Wsign-conversion -Wdouble-promotion
    -Wcast-align -Wcast-qual -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes -Wundef)

# cheeger_enable_warnings(<target>): the strict set for the target's C and C++ sources (CUDA sources get
# their own flags in CheegerCuda.cmake).
function(cheeger_enable_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        set(cxx_warnings ${CHEEGER_CXX_WARNINGS})
        if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
            # GCC-only diagnostics.
            list(REMOVE_ITEM cxx_warnings -Wduplicated-cond -Wduplicated-branches -Wlogical-op)
        endif()
        target_compile_options(${target} PRIVATE
            "$<$<COMPILE_LANGUAGE:CXX>:${cxx_warnings}>"
            "$<$<COMPILE_LANGUAGE:C>:${CHEEGER_C_WARNINGS}>")
        if(CHEEGER_WARNINGS_AS_ERRORS)
            target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:C,CXX>:-Werror>")
        endif()
    elseif(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive-)
        if(CHEEGER_WARNINGS_AS_ERRORS)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    endif()
endfunction()
