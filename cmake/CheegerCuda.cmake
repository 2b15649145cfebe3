# The CUDA backend. The CPU library always builds; the CUDA sources (native/src/cuda/*.cu, listed in
# CHEEGER_CUDA_SOURCES of the top-level CMakeLists.txt) go into the same library through an object target of their own,
# built one of two ways:
#  - by nvcc, when a CUDA compiler is found (and CHEEGER_ENABLE_CUDA is ON): device code for
#    CHEEGER_CUDA_ARCHITECTURES, the CUDA runtime linked statically;
#  - as host C++ against the emulated device of native/simt (CHEEGER_CUDA_EMULATION=ON, the `simt` presets):
#    every kernel runs on the CPU, so the CUDA code's logic is tested on machines without a GPU.
# Either way CHEEGER_HAS_CUDA is set. Without either the library is CPU-only and says so through
# cheeger_capabilities_get. Whether a GPU is present is decided at run time (cudaGetDeviceCount), never here.
include_guard(GLOBAL)

option(CHEEGER_ENABLE_CUDA "Build the CUDA backend when a CUDA compiler is found" ON)
option(CHEEGER_CUDA_EMULATION "Build the CUDA backend against the emulated device (native/simt), not nvcc" OFF)
# SASS for Volta, Ampere and Hopper, and Hopper's PTX, which newer GPUs compile when they load the library.
set(CHEEGER_CUDA_ARCHITECTURES "70-real;80-real;90" CACHE STRING
    "CUDA architectures of the device code (CMAKE_CUDA_ARCHITECTURES of the CUDA object target)")

set(CHEEGER_HAS_CUDA OFF)
if(CHEEGER_CUDA_EMULATION)
    set(CHEEGER_HAS_CUDA ON)
    message(STATUS "Cheeger: CUDA sources built against the emulated device (native/simt)")
elseif(CHEEGER_ENABLE_CUDA)
    include(CheckLanguage)
    check_language(CUDA)
    if(CMAKE_CUDA_COMPILER)
        enable_language(CUDA)
        find_package(CUDAToolkit REQUIRED)
        set(CMAKE_CUDA_STANDARD 17)
        set(CMAKE_CUDA_STANDARD_REQUIRED ON)
        set(CHEEGER_HAS_CUDA ON)
        message(STATUS "Cheeger: CUDA compiler ${CMAKE_CUDA_COMPILER} (${CMAKE_CUDA_COMPILER_VERSION}), "
                       "architectures ${CHEEGER_CUDA_ARCHITECTURES}")
    else()
        message(STATUS "Cheeger: no CUDA compiler found (set CUDACXX, and CUDAHOSTCXX to a host compiler nvcc accepts)")
    endif()
else()
    message(STATUS "Cheeger: CUDA disabled (CHEEGER_ENABLE_CUDA=OFF)")
endif()

# cheeger_add_cuda_objects(<objects> <sources>...): compiles the CUDA sources as the object target <objects>_cuda
# (hidden visibility, no FMA contraction, the library's private includes), beside the object library <objects> of
# the C++ sources, which learns that CUDA is compiled in.
function(cheeger_add_cuda_objects objects)
    set(cuda_objects ${objects}_cuda)
    add_library(${cuda_objects} OBJECT ${ARGN})
    set_target_properties(${cuda_objects} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    target_include_directories(${cuda_objects} PRIVATE
        "${PROJECT_SOURCE_DIR}/native/include" "${PROJECT_SOURCE_DIR}/native/src")
    target_compile_definitions(${cuda_objects} PRIVATE CHEEGER_BUILDING CHEEGER_HAS_CUDA=1)
    target_compile_definitions(${objects} PRIVATE CHEEGER_HAS_CUDA=1)
    if(CHEEGER_CUDA_EMULATION)
        # The .cu files as C++, with the emulated runtime in place of the one nvcc includes.
        set_source_files_properties(${ARGN} PROPERTIES LANGUAGE CXX)
        target_compile_options(${cuda_objects} PRIVATE -include cuda_runtime.h -ffp-contract=off)
        target_link_libraries(${cuda_objects} PRIVATE cheeger_simt)
        if(CHEEGER_CPU_BASELINE)
            target_compile_options(${cuda_objects} PRIVATE -march=${CHEEGER_CPU_BASELINE})
        endif()
        cheeger_enable_warnings(${cuda_objects})
        # Written for nvcc: its loop pragmas, and int-to-unsigned conversions (dim3, array bounds) it accepts.
        target_compile_options(${cuda_objects} PRIVATE -Wno-unknown-pragmas -Wno-sign-conversion)
        cheeger_enable_sanitizers(${cuda_objects})
        # The test hooks of the C++ sources reach the emulated device (its fault injection).
        target_link_libraries(${objects} PRIVATE cheeger_simt)
        return()
    endif()
    set_target_properties(${cuda_objects} PROPERTIES
        CUDA_ARCHITECTURES "${CHEEGER_CUDA_ARCHITECTURES}"
        CUDA_VISIBILITY_PRESET hidden)
    # --fmad=false: the device code follows the same no-contraction rule as the host code.
    target_compile_options(${cuda_objects} PRIVATE
        "$<$<COMPILE_LANGUAGE:CUDA>:--fmad=false;-Xcompiler=-fvisibility=hidden;-Xcompiler=-ffp-contract=off>")
    target_link_libraries(${cuda_objects} PRIVATE CUDA::cudart_static)
endfunction()

# cheeger_link_cuda_objects(<target> <objects>): links the objects of <objects>_cuda into <target>, with the CUDA
# runtime (nvcc, statically) or the emulated device (CHEEGER_CUDA_EMULATION).
function(cheeger_link_cuda_objects target objects)
    target_sources(${target} PRIVATE $<TARGET_OBJECTS:${objects}_cuda>)
    if(CHEEGER_CUDA_EMULATION)
        target_link_libraries(${target} PRIVATE cheeger_simt)
    else()
        target_link_libraries(${target} PRIVATE CUDA::cudart_static)
    endif()
endfunction()
