// The k-means entry points: defaults, the shared row sampler, and the run (validated here, then dispatched to
// the context's backend).
#include <mutex>

#include "cheeger.h"
#include "core/context.hpp"
#include "core/require.hpp"
#include "core/translate_exceptions.hpp"
#include "cuda/cuda_backend.hpp"
#include "kmeans/kmeans_cpu.hpp"
#include "kmeans/kmeans_validation.hpp"
#include "kmeans/row_sampler.hpp"

extern "C" CHEEGER_API cheeger_status cheeger_kmeans_params_default(cheeger_kmeans_params* out) {
    return cheeger::translate_exceptions("cheeger_kmeans_params_default", [&] {
        cheeger::require_not_null(out, "out");
        cheeger_kmeans_params params{};
        params.k = 8;
        params.max_iterations = 300;
        params.seed = 0;
        params.tolerance = 0.0;
        params.init = CHEEGER_KMEANS_INIT_RANDOM;
        params.precision = CHEEGER_PRECISION_DOUBLE;
        *out = params;
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_kmeans_sample_rows(int64_t n, int32_t k, uint64_t seed,
                                                                  int64_t* rows_out) {
    return cheeger::translate_exceptions("cheeger_kmeans_sample_rows", [&] {
        cheeger::kmeans::validate_sample_rows(n, k, rows_out);
        cheeger::kmeans::sample_rows(n, k, seed, rows_out);
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_kmeans_run(cheeger_context context, const double* points, int64_t n,
                                                          int64_t d, const cheeger_kmeans_params* params,
                                                          const double* initial_centroids, int32_t* labels_out,
                                                          double* centroids_out, cheeger_kmeans_info* info_out) {
    return cheeger::translate_exceptions("cheeger_kmeans_run", [&] {
        cheeger::require_not_null(context, "context");
        const cheeger::kmeans::request call = cheeger::kmeans::validate_run(
            points, n, d, params, initial_centroids, labels_out, centroids_out);
        std::lock_guard<std::mutex> one_call_at_a_time(context->call_mutex);
        cheeger_kmeans_info info{};
        if (context->backend == CHEEGER_BACKEND_CUDA) {
            cheeger::cuda::kmeans_run(*context, call, info);
        } else {
            cheeger::kmeans::run_cpu(*context, call, info);
        }
        if (info_out != nullptr) *info_out = info;
    });
}
