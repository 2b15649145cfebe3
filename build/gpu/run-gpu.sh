#!/usr/bin/env bash
# Runs Cheeger's GPU tests and benchmarks from the GPU bundle (./build.sh GpuBundle -> artifacts/gpu-bundle.tar.xz)
# on a Linux x64 machine with an NVIDIA GPU and its driver; no .NET SDK, nvcc or CMake is needed there:
#
#   tar -xJf gpu-bundle.tar.xz && cheeger-gpu-bundle/run-gpu.sh [options]
#
# It unpacks the bundled .NET runtime, takes the bundle's prebuilt CUDA library (prebuilt/; or builds the native core
# with CUDA when the bundle has none, or with --build-native), puts libcheeger.so next to the published
# apps, runs the native tests (when GoogleTest was found), every bundled test project, the CLI's backend comparison,
# the GPU benchmark suite, the GPU backends' agreement with the CPU and the other benchmarks, and writes everything
# into one results folder (logs, xUnit XML, BenchmarkDotNet reports, nvidia-smi, the environment, summary.txt, and
# gpu-report.md: the GPU numbers ready for docs/benchmarks.md). Every step runs even when an earlier one failed;
# the exit code is 0 only when all of them passed.
#
# Options:
#   --results DIR            where the results go (default: results/ beside this script)
#   --no-cuda                build the native core CPU-only (for checking the bundle on a machine without a GPU;
#                            the GPU tests then skip, visibly); otherwise CUDA tests fail where CUDA is absent
#   --build-native           build the native core here (nvcc, CMake) instead of using the prebuilt library
#   --jobs N                 parallel jobs of the native build (default: nproc)
#   --cmake-arg ARG          extra argument for the CMake configure step (repeatable),
#                            e.g. --cmake-arg -DCMAKE_CUDA_ARCHITECTURES=90
#   --benchmark-filter GLOB  BenchmarkDotNet --filter (default: *)
#   --benchmark-job JOB      BenchmarkDotNet --job (e.g. Dry, Short; default: the suites' own jobs)
#   --agreement-sizes LIST   N values of the GPU agreement report (default: 1000000,10000000,100000000)
#   --no-benchmarks          skip the benchmarks and the GPU agreement report
#   -h, --help               print this text
set -uo pipefail

BUNDLE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RESULTS_DIR="$BUNDLE_DIR/results"
USE_CUDA=1
JOBS=$(nproc 2>/dev/null || echo 2)
CMAKE_EXTRA_ARGS=()
BENCHMARK_FILTER='*'
BENCHMARK_JOB=''
AGREEMENT_SIZES='1000000,10000000,100000000'
RUN_BENCHMARKS=1
BUILD_NATIVE=0

usage() { sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --results) RESULTS_DIR=$2; shift 2 ;;
        --no-cuda) USE_CUDA=0; BUILD_NATIVE=1; shift ;;
        --build-native) BUILD_NATIVE=1; shift ;;
        --jobs) JOBS=$2; shift 2 ;;
        --cmake-arg) CMAKE_EXTRA_ARGS+=("$2"); shift 2 ;;
        --benchmark-filter) BENCHMARK_FILTER=$2; shift 2 ;;
        --benchmark-job) BENCHMARK_JOB=$2; shift 2 ;;
        --agreement-sizes) AGREEMENT_SIZES=$2; shift 2 ;;
        --no-benchmarks) RUN_BENCHMARKS=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run-gpu.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done

mkdir -p "$RESULTS_DIR/tests" || exit 1
RESULTS_DIR=$(cd "$RESULTS_DIR" && pwd)
SUMMARY="$RESULTS_DIR/summary.txt"
NATIVE_BUILD_DIR="$BUNDLE_DIR/build-cuda"
FAILED=0
: >"$SUMMARY.steps"

# step NAME LOG COMMAND...: runs COMMAND with its output shown live and kept in LOG, and records the outcome.
step() {
    local name=$1 log=$2
    shift 2
    echo
    echo "=== $name"
    local start=$SECONDS
    "$@" 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    local outcome=passed
    if [[ $status -ne 0 ]]; then
        outcome="FAILED (exit code $status)"
        FAILED=1
    fi
    printf '%-40s %-28s %5ss  %s\n' "$name" "$outcome" "$((SECONDS - start))" "${log#"$RESULTS_DIR"/}" >>"$SUMMARY.steps"
    return "$status"
}

# not_run NAME REASON: records a step that could not run.
not_run() {
    echo
    echo "=== $1: not run ($2)"
    printf '%-40s %-28s %5s   %s\n' "$1" "not run" "" "$2" >>"$SUMMARY.steps"
}

# --- The environment -------------------------------------------------------------------------------------------
describe_environment() {
    echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "host:        $(uname -a)"
    echo "cuda mode:   $([[ $USE_CUDA -eq 1 ]] && echo on || echo 'off (--no-cuda)')"
    echo "jobs:        $JOBS"
    echo
    echo "--- bundle manifest"; cat "$BUNDLE_DIR/manifest.txt" 2>/dev/null || echo "(none)"
    echo
    echo "--- /etc/os-release"; cat /etc/os-release 2>/dev/null
    echo
    echo "--- CPU and memory"; lscpu 2>/dev/null; free -h 2>/dev/null
    echo
    echo "--- tools"
    for tool in cmake nvcc c++ g++ clang++ ctest; do
        if command -v "$tool" >/dev/null 2>&1; then
            echo "$tool: $(command -v "$tool")"; "$tool" --version 2>&1 | head -n 4
        else
            echo "$tool: not found"
        fi
    done
    echo
    # Selected variables only: a full dump could carry credentials into the results.
    echo "--- environment variables (selected)"
    env | grep -E '^(PATH|LD_LIBRARY_PATH|CUDA[A-Z_]*|CUDACXX|NVIDIA_[A-Z_]*|CXX|CC|DOTNET_[A-Z_]*|CHEEGER_[A-Z_]*)=' | sort
    true
}

describe_gpu() {
    if command -v nvidia-smi >/dev/null 2>&1; then
        nvidia-smi && echo && nvidia-smi -q
    else
        echo "nvidia-smi: not found"
        [[ $USE_CUDA -eq 0 ]]
    fi
}

# --- The .NET runtime ------------------------------------------------------------------------------------------
unpack_runtime() {
    if [[ ! -x "$BUNDLE_DIR/dotnet/dotnet" ]]; then
        mkdir -p "$BUNDLE_DIR/dotnet" && tar -C "$BUNDLE_DIR/dotnet" -xJf "$BUNDLE_DIR/dotnet-runtime.tar.xz" || return 1
    fi
    "$BUNDLE_DIR/dotnet/dotnet" --info
}

# --- The native core -------------------------------------------------------------------------------------------
configure_native() {
    local args=(-S "$BUNDLE_DIR" -B "$NATIVE_BUILD_DIR" -DCMAKE_BUILD_TYPE=Release)
    if [[ $USE_CUDA -eq 0 ]]; then
        args+=(-DCHEEGER_ENABLE_CUDA=OFF)
    fi
    cmake "${args[@]}" ${CMAKE_EXTRA_ARGS[@]+"${CMAKE_EXTRA_ARGS[@]}"} | tee "$NATIVE_BUILD_DIR.configure.txt"
    [[ ${PIPESTATUS[0]} -eq 0 ]] || return 1
    if [[ $USE_CUDA -eq 1 ]]; then
        # CMakeLists.txt reports the backends it compiled in; a GPU run of a CPU-only library would measure nothing.
        if ! grep -q "backends CPU + CUDA" "$NATIVE_BUILD_DIR.configure.txt"; then
            echo "The native core was configured without CUDA (no nvcc found by check_language(CUDA), or no CUDA sources); put nvcc on PATH or set CUDACXX." >&2
            return 1
        fi
    else
        echo "CUDA disabled (--no-cuda: CHEEGER_ENABLE_CUDA=OFF)."
    fi
}

native_test_count() {
    ctest --test-dir "$NATIVE_BUILD_DIR" -N 2>/dev/null | sed -n 's/^Total Tests: *//p'
}

PREBUILT_DIR="$BUNDLE_DIR/prebuilt"
if [[ $BUILD_NATIVE -eq 0 && ! -f "$PREBUILT_DIR/libcheeger.so" ]]; then
    echo "The bundle carries no prebuilt CUDA library: building the native core here."
    BUILD_NATIVE=1
fi
if [[ $USE_CUDA -eq 1 ]]; then
    # On a GPU machine a CUDA test that cannot run is a failure, not a skip.
    export CHEEGER_REQUIRE_CUDA=1
fi

NATIVE_LIBRARY=''
install_native_library() {
    NATIVE_LIBRARY="$NATIVE_BUILD_DIR/lib/libcheeger.so"
    [[ $BUILD_NATIVE -eq 1 ]] || NATIVE_LIBRARY="$PREBUILT_DIR/libcheeger.so"
    if [[ ! -f "$NATIVE_LIBRARY" ]]; then
        NATIVE_LIBRARY=$(find "$NATIVE_BUILD_DIR" -name libcheeger.so -print -quit)
    fi
    if [[ -z "$NATIVE_LIBRARY" || ! -f "$NATIVE_LIBRARY" ]]; then
        echo "The native build produced no libcheeger.so." >&2
        return 1
    fi
    local dir
    for dir in "$BUNDLE_DIR"/apps/*/ "$BUNDLE_DIR"/tests/*/; do
        cp -L "$NATIVE_LIBRARY" "$dir" && echo "libcheeger.so -> ${dir#"$BUNDLE_DIR"/}" || return 1
    done
}

# --- .NET programs ---------------------------------------------------------------------------------------------
run_test_project() {
    local dir=$1 name=$2
    (cd "$dir" && dotnet "$name.dll" -noColor -result-xml "$RESULTS_DIR/tests/$name.xml")
}

run_cli() {
    (cd "$BUNDLE_DIR/apps/cli" && dotnet cheeger.dll "$@")
}

# run_benchmarks ARTIFACTS CATEGORY...: the suites of the given BenchmarkDotNet categories that match the filter.
run_benchmarks() {
    local artifacts=$1
    shift
    # In-process: BenchmarkDotNet's default toolchain builds a project per benchmark, which needs an SDK.
    local args=(--filter "$BENCHMARK_FILTER" --inProcess --artifacts "$artifacts")
    if [[ -n "$BENCHMARK_JOB" ]]; then
        args+=(--job "$BENCHMARK_JOB")
    fi
    # Last: BenchmarkDotNet's --anyCategories takes every argument after it as a category.
    args+=(--anyCategories "$@")
    (cd "$BUNDLE_DIR/apps/benchmarks" && dotnet Cheeger.Benchmarks.dll "${args[@]}")
}

run_gpu_benchmarks() {
    if [[ $USE_CUDA -eq 0 ]]; then
        echo "--no-cuda: the GPU suite has no backend to measure; checking that it starts and finds none."
    fi
    CHEEGER_PASS_TIMES_CSV="$RESULTS_DIR/gpu/pass-times.csv" run_benchmarks "$RESULTS_DIR/gpu/benchmarks" gpu
}

run_gpu_agreement() {
    local args=(gpu-agreement --output "$RESULTS_DIR/gpu/agreement.md" --sizes "$AGREEMENT_SIZES")
    if [[ $USE_CUDA -eq 1 ]]; then
        args+=(--require-gpu)
    fi
    (cd "$BUNDLE_DIR/apps/benchmarks" && dotnet Cheeger.Benchmarks.dll "${args[@]}")
}

# gpu-report.md: the device, the GPU suite's table, the median ms/pass per case and the agreement table.
write_gpu_report() {
    local report="$RESULTS_DIR/gpu-report.md"
    {
        echo "# Cheeger GPU run, $(date -u +%Y-%m-%d)"
        echo
        echo "Bundle: $(sed -n 's/^commit: *//p' "$BUNDLE_DIR/manifest.txt" 2>/dev/null)"
        if command -v nvidia-smi >/dev/null 2>&1; then
            echo "Device: $(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | head -n 1)"
        else
            echo "Device: none (nvidia-smi not found)"
        fi
        echo "CPU: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) logical CPUs"
        echo
        echo "## GPU suites, BenchmarkDotNet (Mean = whole call; k-means ms/pass = Lloyd loop per pass, upload excluded; isoperimetric: end to end)"
        echo
        local table found=0
        for table in "$RESULTS_DIR"/gpu/benchmarks/results/*-report-github.md; do
            [[ -f "$table" ]] || continue
            found=1
            cat "$table"
            echo
        done
        [[ $found -eq 1 ]] || echo "(no BenchmarkDotNet report)"
        echo
        echo "## Median ms per pass (every recorded run)"
        echo
        if [[ -s "$RESULTS_DIR/gpu/pass-times.csv" ]]; then
            echo "| backend | N | k | runs | median ms/pass |"
            echo "|---|---|---|---|---|"
            tail -n +2 "$RESULTS_DIR/gpu/pass-times.csv" | sort -t, -k1,1 -k2,2n -k3,3n -k5,5g |
                awk -F, '{ key = $1 "," $2 "," $3; n[key]++; v[key, n[key]] = $5; if (!(key in seen)) { seen[key] = 1; order[++keys] = key } }
                    END { for (i = 1; i <= keys; i++) { key = order[i]; c = n[key]; m = (c % 2) ? v[key, (c + 1) / 2] : (v[key, c / 2] + v[key, c / 2 + 1]) / 2;
                          split(key, f, ","); printf "| %s | %d | %d | %d | %.4f |\n", f[1], f[2], f[3], c, m } }'
        else
            echo "(no per-pass times recorded)"
        fi
        echo
        if [[ -f "$RESULTS_DIR/gpu/agreement.md" ]]; then
            sed 's/^# /## /' "$RESULTS_DIR/gpu/agreement.md"
        else
            echo "## Agreement: (no report)"
        fi
    } >"$report"
    cat "$report"
}

# --- The run ---------------------------------------------------------------------------------------------------
step "environment" "$RESULTS_DIR/environment.txt" describe_environment
step "nvidia-smi" "$RESULTS_DIR/nvidia-smi.txt" describe_gpu
cp "$BUNDLE_DIR/manifest.txt" "$RESULTS_DIR/manifest.txt" 2>/dev/null

if step ".NET runtime" "$RESULTS_DIR/dotnet-info.txt" unpack_runtime; then
    export DOTNET_ROOT="$BUNDLE_DIR/dotnet"
    export PATH="$DOTNET_ROOT:$PATH"
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
    DOTNET_OK=1
else
    DOTNET_OK=0
fi

run_prebuilt_native_tests() {
    local program status=0
    for program in cheeger_tests cheeger_cuda_tests; do
        LD_LIBRARY_PATH="$PREBUILT_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
            "$PREBUILT_DIR/$program" --gtest_output="xml:$RESULTS_DIR/$program.xml" || status=1
    done
    return $status
}

NATIVE_OK=0
if [[ $BUILD_NATIVE -eq 0 ]]; then
    if step "native library (prebuilt)" "$RESULTS_DIR/native-library.log" install_native_library; then
        NATIVE_OK=1
    fi
elif step "native configure" "$RESULTS_DIR/native-configure.log" configure_native &&
    step "native build" "$RESULTS_DIR/native-build.log" cmake --build "$NATIVE_BUILD_DIR" -j "$JOBS" &&
    step "native library" "$RESULTS_DIR/native-library.log" install_native_library; then
    NATIVE_OK=1
fi

if [[ $NATIVE_OK -eq 1 && $BUILD_NATIVE -eq 0 ]]; then
    if [[ -x "$PREBUILT_DIR/cheeger_tests" ]]; then
        step "native tests (prebuilt)" "$RESULTS_DIR/native-tests.log" run_prebuilt_native_tests
    else
        not_run "native tests" "the bundle carries no prebuilt cheeger_tests"
    fi
elif [[ $NATIVE_OK -eq 1 ]]; then
    count=$(native_test_count)
    if [[ "${count:-0}" -gt 0 ]]; then
        step "native tests (ctest, $count)" "$RESULTS_DIR/native-tests.log" \
            ctest --test-dir "$NATIVE_BUILD_DIR" --output-on-failure
    else
        not_run "native tests (ctest)" "no tests were built; is GoogleTest installed?"
    fi
else
    not_run "native tests (ctest)" "the native build failed"
fi

if [[ $DOTNET_OK -eq 1 ]]; then
    # What was built must be used: a missing native library, or on a GPU machine a missing CUDA backend, fails the
    # tests instead of skipping them.
    [[ $NATIVE_OK -eq 1 ]] && export CHEEGER_REQUIRE_NATIVE=1
    if [[ $USE_CUDA -eq 1 ]] && command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L 2>/dev/null | grep -q '^GPU '; then
        export CHEEGER_REQUIRE_CUDA=1
    fi
    for dir in "$BUNDLE_DIR"/tests/*/; do
        name=$(basename "$dir")
        step "$name" "$RESULTS_DIR/tests/$name.log" run_test_project "$dir" "$name"
    done
    step "cheeger compare s1 (k-means, k=15)" "$RESULTS_DIR/compare-s1.txt" \
        run_cli compare "$BUNDLE_DIR/data/s1.csv" --method kmeans --k 15
    step "cheeger compare wine (k-means, k=3)" "$RESULTS_DIR/compare-wine.txt" \
        run_cli compare "$BUNDLE_DIR/data/wine.csv" --method kmeans --k 3
    if [[ $RUN_BENCHMARKS -eq 1 ]]; then
        mkdir -p "$RESULTS_DIR/gpu" "$RESULTS_DIR/benchmarks"
        rm -f "$RESULTS_DIR/gpu/pass-times.csv"
        # The GPU suite and the agreement report first: they are what this machine is for.
        step "GPU benchmarks ($BENCHMARK_FILTER)" "$RESULTS_DIR/gpu/benchmarks.log" run_gpu_benchmarks
        step "GPU agreement with the CPU" "$RESULTS_DIR/gpu/agreement.log" run_gpu_agreement
        step "GPU report" "$RESULTS_DIR/gpu/report.log" write_gpu_report
        step "benchmarks ($BENCHMARK_FILTER)" "$RESULTS_DIR/benchmarks/benchmarks.log" \
            run_benchmarks "$RESULTS_DIR/benchmarks" kmeans iso peer
    else
        not_run "benchmarks and GPU agreement" "--no-benchmarks"
    fi
else
    not_run ".NET tests, CLI and benchmarks" "the .NET runtime could not be unpacked"
fi

{
    echo "Cheeger GPU bundle run: $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(hostname), cuda $([[ $USE_CUDA -eq 1 ]] && echo on || echo off)"
    echo
    cat "$SUMMARY.steps"
    echo
    if [[ $FAILED -eq 0 ]]; then echo "All steps passed."; else echo "Some steps FAILED."; fi
} >"$SUMMARY"
rm -f "$SUMMARY.steps"
echo
cat "$SUMMARY"
exit "$FAILED"
