// Isoperimetric clustering end to end on the CPU backend (cheeger_iso_run, k = 10, default model) with each
// spanning-tree algorithm, on uniform points in [0, 1)^d or on 20 Gaussian blobs: the time is the library's own
// (every stage), and the counters split it by stage. Single runs of the large cases take seconds, so each case
// runs once (--benchmark_repetitions for more); the crossover cases are small.
//   artifacts/native/bin/cheeger_bench --benchmark_filter='IsoSpanningTree/.*kdtree'
#include <benchmark/benchmark.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "cheeger.h"
#include "test_data.hpp"

namespace {

void check(cheeger_status status) {
    if (status != CHEEGER_STATUS_OK) throw std::runtime_error(cheeger_last_error());
}

// Arguments: algorithm (cheeger_iso_spanning_tree), blobs (0: uniform, 1: 20 blobs), n, d, threads.
void IsoSpanningTree(benchmark::State& state) {
    const auto algorithm = static_cast<std::int32_t>(state.range(0));
    const bool blobs = state.range(1) != 0;
    const std::int64_t n = state.range(2);
    const std::int64_t d = state.range(3);
    const auto threads = static_cast<std::int32_t>(state.range(4));
    const auto points = blobs ? cheeger_test::blob_points(n, d, 20, 20261201) : cheeger_test::uniform_points(n, d, 20261201);

    cheeger_context context = nullptr;
    check(cheeger_context_create(CHEEGER_BACKEND_CPU, threads, &context));
    cheeger_iso_params params{};
    check(cheeger_iso_params_default(&params));
    params.k = 10;
    params.spanning_tree = algorithm;
    std::vector<std::int32_t> labels(static_cast<std::size_t>(n));
    cheeger_iso_info info{};
    double mst = 0, weights = 0, search = 0, label = 0;
    for (auto _ : state) {
        check(cheeger_iso_run(context, points.data(), n, d, &params, labels.data(), nullptr, nullptr, nullptr, 0,
                              nullptr, &info));
        const double total = info.seconds_standardize + info.seconds_mst + info.seconds_weights +
                             info.seconds_search + info.seconds_labels;
        state.SetIterationTime(total);
        mst += info.seconds_mst;
        weights += info.seconds_weights;
        search += info.seconds_search;
        label += info.seconds_labels;
    }
    const auto runs = static_cast<double>(state.iterations());
    state.counters["mst_s"] = mst / runs;
    state.counters["weights_s"] = weights / runs;
    state.counters["search_s"] = search / runs;
    state.counters["labels_s"] = label / runs;
    static const char* const names[] = {"auto", "prim", "boruvka", "kdtree"};
    state.SetLabel(std::string(names[algorithm]) + (blobs ? " blobs" : " uniform"));
    check(cheeger_context_destroy(context));
}

void Cases(benchmark::internal::Benchmark* b) {
    b->ArgNames({"algorithm", "blobs", "n", "d", "threads"});
    // The targets: n = 1e5 d = 3 (Prim and kd-tree), n = 1e6 d = 2 and d = 5 (kd-tree).
    b->Args({CHEEGER_ISO_SPANNING_TREE_PRIM, 0, 100000, 3, 2});
    for (const std::int64_t d : {3, 2, 5}) b->Args({CHEEGER_ISO_SPANNING_TREE_KDTREE, 0, d == 3 ? 100000 : 1000000, d, 1});
    for (const std::int64_t d : {3, 2, 5}) b->Args({CHEEGER_ISO_SPANNING_TREE_KDTREE, 0, d == 3 ? 100000 : 1000000, d, 2});
    // The crossover of AUTO: Prim against the kd-tree by n and d, uniform and clustered.
    for (const std::int64_t blobs : {0, 1}) {
        for (const std::int64_t n : {1000, 2000, 4000, 16000}) {
            for (const std::int64_t d : {2, 4, 6, 8, 10, 12, 16}) {
                for (const std::int64_t algorithm : {CHEEGER_ISO_SPANNING_TREE_PRIM, CHEEGER_ISO_SPANNING_TREE_KDTREE}) {
                    b->Args({algorithm, blobs, n, d, 2});
                }
            }
        }
    }
    // Where the crossover moves for d = 8 and 10 (Prim grows as n^2: one case checks that).
    b->Args({CHEEGER_ISO_SPANNING_TREE_PRIM, 0, 64000, 8, 2});
    for (const std::int64_t d : {8, 10}) b->Args({CHEEGER_ISO_SPANNING_TREE_KDTREE, 0, 64000, d, 2});
    b->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(IsoSpanningTree)->Apply(Cases);
