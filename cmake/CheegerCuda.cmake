# Optional CUDA. The CPU library always builds; when a CUDA compiler is found (and CHEEGER_ENABLE_CUDA is ON),
# CUDA is enabled and CHEEGER_HAS_CUDA is set, and the CUDA sources (native/src/cuda/*.cu, listed in
# CHEEGER_CUDA_SOURCES of the top-level CMakeLists.txt) go into the same library through their own object
# target. Without nvcc the library is CPU-only and says so through cheeger_capabilities_get.
# Whether a GPU is present is decided at run time through the driver (cudaGetDeviceCount), never here.
include_guard(GLOBAL)

option(CHEEGER_ENABLE_CUDA "Build the CUDA backend when a CUDA compiler is found" ON)
set(CHEEGER_CUDA_ARCHITECTURES "70;80;90" CACHE STRING
    "CUDA architectures of the device code (CMAKE_CUDA_ARCHITECTURES of the CUDA object target)")

set(CHEEGER_HAS_CUDA OFF)
if(CHEEGER_ENABLE_CUDA)
    include(CheckLanguage)
    check_language(CUDA)
    if(CMAKE_CUDA_COMPILER)
        enable_language(CUDA)
        find_package(CUDAToolkit REQUIRED)
        set(CMAKE_CUDA_STANDARD 17)
        set(CMAKE_CUDA_STANDARD_REQUIRED ON)
        set(CHEEGER_HAS_CUDA ON)
        message(STATUS "Cheeger: CUDA compiler ${CMAKE_CUDA_COMPILER} (${CMAKE_CUDA_COMPILER_VERSION})")
    else()
        message(STATUS "Cheeger: no CUDA compiler found")
    endif()
else()
    message(STATUS "Cheeger: CUDA disabled (CHEEGER_ENABLE_CUDA=OFF)")
endif()

# cheeger_add_cuda_objects(<library> <sources>...): compiles the CUDA sources as the object target
# <library>_cuda (hidden visibility, no FMA contraction, the library's private includes) and links its objects
# and the CUDA runtime into <library>.
function(cheeger_add_cuda_objects library)
    set(objects ${library}_cuda)
    add_library(${objects} OBJECT ${ARGN})
    set_target_properties(${objects} PROPERTIES
        CUDA_ARCHITECTURES "${CHEEGER_CUDA_ARCHITECTURES}"
        POSITION_INDEPENDENT_CODE ON
        CUDA_VISIBILITY_PRESET hidden)
    target_include_directories(${objects} PRIVATE
        "${PROJECT_SOURCE_DIR}/native/include" "${PROJECT_SOURCE_DIR}/native/src")
    target_compile_definitions(${objects} PRIVATE CHEEGER_BUILDING CHEEGER_HAS_CUDA=1)
    # --fmad=false: the device code follows the same no-contraction rule as the host code.
    target_compile_options(${objects} PRIVATE
        "$<$<COMPILE_LANGUAGE:CUDA>:--fmad=false;-Xcompiler=-fvisibility=hidden;-Xcompiler=-ffp-contract=off>")
    target_link_libraries(${objects} PRIVATE CUDA::cudart_static)
    target_sources(${library} PRIVATE $<TARGET_OBJECTS:${objects}>)
    target_link_libraries(${library} PRIVATE CUDA::cudart_static)
endfunction()
