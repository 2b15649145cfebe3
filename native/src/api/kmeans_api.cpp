// The k-means entry points: defaults, the shared row sampler, and the run (validated here, then dispatched to
// the context's backend).
#include <algorithm>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "api/context.hpp"
#include "api/sized_params.hpp"
#include "cheeger.h"
#include "core/require.hpp"
#include "core/translate_exceptions.hpp"
#include "kmeans/kmeans_loop.hpp"
#include "kmeans/kmeans_validation.hpp"
#include "kmeans/row_sampler.hpp"

cheeger_kmeans_params cheeger::api::kmeans_defaults() noexcept {
    cheeger_kmeans_params params{};
    params.struct_size = sizeof(cheeger_kmeans_params);
    params.k = CHEEGER_KMEANS_DEFAULT_K;
    params.max_iterations = CHEEGER_KMEANS_DEFAULT_MAX_ITERATIONS;
    params.seed = 0;
    params.tolerance = 0.0;
    params.init = CHEEGER_KMEANS_INIT_RANDOM;
    params.precision = CHEEGER_PRECISION_DOUBLE;
    return params;
}

extern "C" CHEEGER_API cheeger_status cheeger_kmeans_params_default(cheeger_kmeans_params* out) {
    return cheeger::translate_exceptions("cheeger_kmeans_params_default", [&] {
        cheeger::require_not_null(out, "out");
        *out = cheeger::api::kmeans_defaults();
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
        const std::optional<cheeger_kmeans_params> sized =
            cheeger::api::read_sized(params, "params", "cheeger_kmeans_params", cheeger::api::kmeans_defaults());
        const cheeger::kmeans::request call = cheeger::kmeans::validate_run(
            points, n, d, sized ? &*sized : nullptr, initial_centroids, labels_out, centroids_out);
        std::lock_guard<std::mutex> one_call_at_a_time(context->call_mutex);
        // The backends append one count per pass; room for the usual number up front keeps the loop allocation-free.
        auto& changes = context->kmeans_changes_per_pass;
        changes.clear();
        changes.reserve(static_cast<std::size_t>(std::min(call.params.max_iterations, 1024)));
        struct forget_on_failure {
            std::vector<std::int64_t>& changes;
            bool succeeded = false;
            ~forget_on_failure() {
                if (!succeeded) changes.clear();
            }
        } guard{changes};
        cheeger_kmeans_info info{};
        cheeger::kmeans::run(context->kmeans_stages(), call, changes, info);
        guard.succeeded = true;
        if (info_out != nullptr) *info_out = info;
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_kmeans_changes_per_pass(cheeger_context context, int64_t* changes_out,
                                                                       int32_t capacity, int32_t* count_out) {
    return cheeger::translate_exceptions("cheeger_kmeans_changes_per_pass", [&] {
        cheeger::require_not_null(context, "context");
        cheeger::require_not_null(count_out, "count_out");
        cheeger::require(capacity >= 0, "capacity = ", capacity, " must be >= 0");
        if (capacity > 0) cheeger::require_not_null(changes_out, "changes_out");
        std::lock_guard<std::mutex> one_call_at_a_time(context->call_mutex);
        const auto& changes = context->kmeans_changes_per_pass;
        const std::size_t copied = std::min(changes.size(), static_cast<std::size_t>(capacity));
        std::copy_n(changes.begin(), copied, changes_out);
        *count_out = static_cast<int32_t>(changes.size());
    });
}
