// Time per k-means pass of the CPU backend on the study's shape (uniform random 2-D points, N = 1e6, k = 40) and
// a few others, for 1 and 2 threads. The time reported is the library's own assign + update time divided by the
// passes run (the per-call work: validation, sampling the initial rows, growing buffers, is reported apart as
// the counter init_ms). The label names the distance-kernel family (set CHEEGER_CPU_KERNEL=avx2 or scalar to
// time a narrower one).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "cheeger.h"
#include "cheeger_testing.h"
#include "test_data.hpp"

namespace {

std::vector<double> uniform_points(std::int64_t n, std::int64_t d) { return cheeger_test::uniform_points(n, d, 20261123); }

void check(cheeger_status status) {
    if (status != CHEEGER_STATUS_OK) throw std::runtime_error(cheeger_last_error());
}

// Arguments: n, d, k, threads.
void KMeansPass(benchmark::State& state) {
    const std::int64_t n = state.range(0);
    const std::int64_t d = state.range(1);
    const auto k = static_cast<std::int32_t>(state.range(2));
    const auto threads = static_cast<std::int32_t>(state.range(3));
    const auto points = uniform_points(n, d);

    cheeger_context context = nullptr;
    check(cheeger_context_create(CHEEGER_BACKEND_CPU, threads, &context));
    cheeger_kmeans_params params{};
    check(cheeger_kmeans_params_default(&params));
    params.k = k;
    params.max_iterations = 10;  // uniform data keeps changing well above n / 100 for these passes
    params.seed = 42;
    std::vector<std::int32_t> labels(static_cast<std::size_t>(n));
    std::vector<double> centroids(static_cast<std::size_t>(k * d));
    cheeger_kmeans_info info{};

    double passes = 0;
    double init_seconds = 0;
    for (auto _ : state) {
        check(cheeger_kmeans_run(context, points.data(), n, d, &params, nullptr, labels.data(), centroids.data(),
                                 &info));
        state.SetIterationTime((info.seconds_assign + info.seconds_update) / info.iterations);
        passes += info.iterations;
        init_seconds += info.seconds_init;
    }
    state.counters["passes_per_call"] = passes / static_cast<double>(state.iterations());
    state.counters["init_ms"] = 1e3 * init_seconds / static_cast<double>(state.iterations());
    state.counters["points_per_s"] = benchmark::Counter(static_cast<double>(n) * passes,
                                                        benchmark::Counter::kIsRate);
    const char* kernel = nullptr;
    check(cheeger_testing_cpu_kernel(&kernel));
    state.SetLabel(kernel);
    check(cheeger_context_destroy(context));
}

BENCHMARK(KMeansPass)
    ->ArgNames({"n", "d", "k", "threads"})
    ->Args({1000000, 2, 40, 1})
    ->Args({1000000, 2, 40, 2})
    ->Args({1000000, 2, 10, 2})
    ->Args({100000, 2, 40, 2})
    ->Args({100000, 16, 40, 2})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
