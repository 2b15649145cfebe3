# Optional sanitizers for the library and its tests: -DCHEEGER_SANITIZE="address;undefined" (the `sanitize`
# preset). Any undefined-behaviour report aborts the test that caused it, so ctest turns it into a failure.
include_guard(GLOBAL)

set(CHEEGER_SANITIZE "" CACHE STRING "Sanitizers for the library and tests, e.g. address;undefined")

if(CHEEGER_SANITIZE)
    foreach(sanitizer IN LISTS CHEEGER_SANITIZE)
        if(NOT sanitizer MATCHES "^(address|undefined|leak|thread)$")
            message(FATAL_ERROR "CHEEGER_SANITIZE: unknown sanitizer '${sanitizer}' (address, undefined, leak, thread)")
        endif()
    endforeach()
    if("thread" IN_LIST CHEEGER_SANITIZE AND "address" IN_LIST CHEEGER_SANITIZE)
        message(FATAL_ERROR "CHEEGER_SANITIZE: 'thread' cannot be combined with 'address'")
    endif()
    list(JOIN CHEEGER_SANITIZE "," _cheeger_sanitize_joined)
    message(STATUS "Cheeger: sanitizers ${_cheeger_sanitize_joined}")
endif()

# cheeger_enable_sanitizers(<target>): compile and link the target with CHEEGER_SANITIZE (no-op when empty).
function(cheeger_enable_sanitizers target)
    if(NOT CHEEGER_SANITIZE)
        return()
    endif()
    list(JOIN CHEEGER_SANITIZE "," joined)
    set(flags -fsanitize=${joined} -fno-omit-frame-pointer)
    if("undefined" IN_LIST CHEEGER_SANITIZE)
        list(APPEND flags -fno-sanitize-recover=all)
    endif()
    target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:C,CXX>:${flags}>")
    target_link_options(${target} PRIVATE ${flags})
endfunction()
