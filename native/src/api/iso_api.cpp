// The isoperimetric entry points: defaults, the whole pipeline, and its tree and partition stages (validated here,
// then run by iso/iso_pipeline.cpp on the context's stages).
#include <mutex>
#include <optional>

#include "api/context.hpp"
#include "api/sized_params.hpp"
#include "cheeger.h"
#include "core/require.hpp"
#include "core/translate_exceptions.hpp"
#include "iso/iso_pipeline.hpp"
#include "iso/iso_validation.hpp"

cheeger_iso_params cheeger::api::iso_defaults() noexcept {
    cheeger_iso_params params{};
    params.struct_size = sizeof(cheeger_iso_params);
    params.k = CHEEGER_ISO_DEFAULT_K;
    params.kernel = CHEEGER_ISO_KERNEL_LAPLACE;
    params.weight = CHEEGER_ISO_WEIGHT_TREE;
    params.max_search_steps = CHEEGER_ISO_DEFAULT_MAX_SEARCH_STEPS;
    params.sigma = 0.0;
    params.sigma_scale = CHEEGER_ISO_DEFAULT_SIGMA_SCALE;
    params.beta = 0.0;
    params.search_tolerance = CHEEGER_ISO_DEFAULT_SEARCH_TOLERANCE;
    params.standardize = 0;
    params.full_labels = 0;
    params.spanning_tree = CHEEGER_ISO_SPANNING_TREE_AUTO;
    return params;
}

extern "C" CHEEGER_API cheeger_status cheeger_iso_params_default(cheeger_iso_params* out) {
    return cheeger::translate_exceptions("cheeger_iso_params_default", [&] {
        cheeger::require_not_null(out, "out");
        *out = cheeger::api::iso_defaults();
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_iso_run(cheeger_context context, const double* points, int64_t n,
                                                       int64_t d, const cheeger_iso_params* params,
                                                       int32_t* labels_out, int32_t* full_labels_out,
                                                       double* cluster_costs_out, cheeger_iso_probe* probes_out,
                                                       int32_t probes_capacity, const cheeger_iso_tree* tree_out,
                                                       cheeger_iso_info* info_out) {
    return cheeger::translate_exceptions("cheeger_iso_run", [&] {
        cheeger::require_not_null(context, "context");
        const std::optional<cheeger_iso_params> sized =
            cheeger::api::read_sized(params, "params", "cheeger_iso_params", cheeger::api::iso_defaults());
        const cheeger::iso::run_request call =
            cheeger::iso::validate_run(points, n, d, sized ? &*sized : nullptr, labels_out, full_labels_out, cluster_costs_out,
                                       probes_out, probes_capacity, tree_out);
        std::lock_guard<std::mutex> one_call_at_a_time(context->call_mutex);
        cheeger_iso_info info{};
        cheeger::iso::run(context->iso_stages(), context->iso, call, context->progress, info);
        if (info_out != nullptr) *info_out = info;
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_iso_mst(cheeger_context context, const double* points, int64_t n,
                                                       int64_t d, int32_t spanning_tree, int32_t* parent_out,
                                                       double* squared_edge_length_out, double* edge_length_out,
                                                       int32_t* depth_out, int32_t* sibling_rank_out,
                                                       int32_t* order_out) {
    return cheeger::translate_exceptions("cheeger_iso_mst", [&] {
        cheeger::require_not_null(context, "context");
        cheeger::iso::validate_mst(points, n, d, spanning_tree, parent_out, squared_edge_length_out, edge_length_out, depth_out,
                                   sibling_rank_out, order_out);
        std::lock_guard<std::mutex> one_call_at_a_time(context->call_mutex);
        cheeger::iso::minimum_spanning_tree(context->iso_stages(), context->iso, points, n, d, spanning_tree, parent_out, squared_edge_length_out,
                                            edge_length_out, depth_out, sibling_rank_out, order_out,
                                            context->progress);
    });
}

extern "C" CHEEGER_API cheeger_status cheeger_iso_partition(cheeger_context context, int64_t n,
                                                             const int32_t* parent, const double* parent_flow,
                                                             const double* vertex_weight, const double* potential,
                                                             const int32_t* sibling_rank, const int32_t* order,
                                                             const cheeger_iso_params* params, int32_t* labels_out,
                                                             double* cluster_costs_out, cheeger_iso_info* info_out) {
    return cheeger::translate_exceptions("cheeger_iso_partition", [&] {
        cheeger::require_not_null(context, "context");
        const std::optional<cheeger_iso_params> sized =
            cheeger::api::read_sized(params, "params", "cheeger_iso_params", cheeger::api::iso_defaults());
        const cheeger::iso::partition_request call =
            cheeger::iso::validate_partition(n, parent, parent_flow, vertex_weight, potential, sibling_rank, order,
                                             sized ? &*sized : nullptr, labels_out, cluster_costs_out);
        std::lock_guard<std::mutex> one_call_at_a_time(context->call_mutex);
        cheeger_iso_info info{};
        cheeger::iso::partition(context->iso_stages(), context->iso, call, context->progress, info);
        if (info_out != nullptr) *info_out = info;
    });
}
