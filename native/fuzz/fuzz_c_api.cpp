// libFuzzer target for the flat C API (k-means, isoperimetric clustering and its stages, contexts, queries).
// Each input decodes into calls of the entry points with the shapes,
// parameters, point values and pointers a C caller could pass; sizes that would make the caller itself read out
// of bounds (a valid n * d larger than the buffer given) are folded into the buffer, every invalid size is passed
// as is. Besides the sanitizers' checks, the target aborts (a finding) when the library breaks its contract:
// an internal error, an unknown status, a message that does not name the function, a success that leaves a
// message behind or accepts a non-finite value, labels out of range, results that depend on the thread count,
// or a context left alive.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "cheeger.h"
#include "raw_enum_calls.h"

namespace {

// At most this many doubles of point data per call, so that one input runs in well under a millisecond.
constexpr std::int64_t max_values = 1 << 15;
// Passes of one k-means call; larger valid values are folded into this range (they only cost time).
constexpr std::int32_t max_passes = 16;

[[noreturn]] void finding(const char* what, const std::string& detail) {
    std::fprintf(stderr, "cheeger fuzz finding: %s: %s\n", what, detail.c_str());
    std::abort();
}

// The status and last-error contract of every entry point.
cheeger_status checked(cheeger_status status, const char* function) {
    const char* message = cheeger_last_error();
    if (message == nullptr) finding("cheeger_last_error returned NULL", function);
    const int raw = static_cast<int>(status);
    if (raw < CHEEGER_STATUS_OK || raw > CHEEGER_STATUS_INTERNAL_ERROR) finding("unknown status", function);
    if (status == CHEEGER_STATUS_INTERNAL_ERROR) finding("internal error", message);
    if (status == CHEEGER_STATUS_OK) {
        if (*message != '\0') finding("success left a message", message);
        return status;
    }
    const std::size_t length = std::strlen(function);
    if (std::strncmp(message, function, length) != 0 || std::strncmp(message + length, ": ", 2) != 0 ||
        message[length + 2] == '\0') {
        finding("failure message does not start with '<function>: <problem>'", message);
    }
    return status;
}

// One value of the point data, in a mode the input chooses: raw bits (NaN, infinities, denormals), small
// integers (many duplicates and ties), or huge magnitudes (sums that overflow).
double point_value(FuzzedDataProvider& input, int mode) {
    switch (mode) {
        case 0: {
            const auto bits = input.ConsumeIntegral<std::uint64_t>();
            double value;
            std::memcpy(&value, &bits, sizeof value);
            return value;
        }
        case 1:
            return static_cast<double>(input.ConsumeIntegralInRange<int>(-3, 3));
        case 2:
            return static_cast<double>(input.ConsumeIntegralInRange<int>(-4, 4)) * 4.0e307;
        default:
            return input.ConsumeFloatingPoint<double>();
    }
}

// n and d: either a valid shape that fits max_values, or what the input says when the library must refuse it.
void decode_shape(FuzzedDataProvider& input, std::int64_t& n, std::int64_t& d, std::int64_t long_n = 5000) {
    const auto shape = input.ConsumeIntegralInRange<int>(0, 4);
    const auto raw_n = input.ConsumeIntegral<std::int64_t>();
    const auto raw_d = input.ConsumeIntegral<std::int64_t>();
    auto fold = [](std::int64_t raw, std::int64_t bound) {
        return 1 + static_cast<std::int64_t>(static_cast<std::uint64_t>(raw) % static_cast<std::uint64_t>(bound));
    };
    switch (shape) {
        case 0:  // small
            n = fold(raw_n, 64);
            d = fold(raw_d, 8);
            return;
        case 1:  // wide: d in the thousands
            n = fold(raw_n, 8);
            d = fold(raw_d, 4000);
            return;
        case 2:  // more than one 4096-row chunk
            n = fold(raw_n, long_n);
            d = fold(raw_d, 3);
            return;
        default: {  // as given, unless it is valid and larger than the buffer
            n = raw_n;
            d = raw_d;
            const bool valid = n >= 1 && d >= 1 && n <= std::numeric_limits<std::int64_t>::max() / 8 / d;
            if (valid && (n * d > max_values || n > long_n)) {
                d = fold(d, 16);
                n = fold(n, std::min(max_values / d, long_n));
            }
            return;
        }
    }
}

void fuzz_kmeans_run(FuzzedDataProvider& input) {
    std::int64_t n = 0, d = 0;
    decode_shape(input, n, d);
    const bool valid_shape = n >= 1 && d >= 1 && n <= std::numeric_limits<std::int64_t>::max() / 8 / d;
    const std::int64_t values = valid_shape ? n * d : 0;

    cheeger_kmeans_params params;
    checked(cheeger_kmeans_params_default(&params), "cheeger_kmeans_params_default");
    const auto raw_k = input.ConsumeIntegral<std::int32_t>();
    const std::int64_t k_bound = valid_shape ? std::min<std::int64_t>(n, 64) : 1;
    // Valid k are folded to at most 64 clusters (larger ones only cost time); invalid ones are passed as given.
    const bool raw_k_valid = valid_shape && raw_k >= 1 && raw_k <= n;
    params.k = input.ConsumeBool() && !raw_k_valid
                   ? raw_k
                   : static_cast<std::int32_t>(1 + static_cast<std::uint32_t>(raw_k) %
                                                       static_cast<std::uint32_t>(k_bound));
    const auto raw_passes = input.ConsumeIntegral<std::int32_t>();
    params.max_iterations = raw_passes <= 0 ? raw_passes : 1 + raw_passes % max_passes;
    params.seed = input.ConsumeIntegral<std::uint64_t>();
    if (input.ConsumeBool()) {
        const auto bits = input.ConsumeIntegral<std::uint64_t>();
        std::memcpy(&params.tolerance, &bits, sizeof params.tolerance);
    }
    if (input.ConsumeIntegralInRange<int>(0, 7) == 0) params.init = input.ConsumeIntegral<std::int32_t>();
    if (input.ConsumeIntegralInRange<int>(0, 7) == 0) params.precision = input.ConsumeIntegral<std::int32_t>();

    const auto nulls = input.ConsumeIntegralInRange<int>(0, 63);  // one pointer nulled in about 1 input of 4
    const bool null_bits = nulls < 16;
    const int threads = input.ConsumeIntegralInRange<int>(1, 3);
    const int value_mode = input.ConsumeIntegralInRange<int>(0, 3);
    const bool with_initial = input.ConsumeBool();

    std::vector<double> points(static_cast<std::size_t>(std::max<std::int64_t>(values, 1)));
    bool all_finite = true;
    for (std::int64_t i = 0; i < values; ++i) {
        points[static_cast<std::size_t>(i)] = point_value(input, value_mode);
        all_finite &= std::isfinite(points[static_cast<std::size_t>(i)]);
    }
    const bool k_valid = params.k >= 1 && valid_shape && params.k <= n;
    const std::int64_t centroid_values = k_valid ? params.k * d : 0;
    std::vector<double> initial(static_cast<std::size_t>(std::max<std::int64_t>(centroid_values, 1)));
    if (with_initial) {
        for (std::int64_t i = 0; i < centroid_values; ++i) {
            initial[static_cast<std::size_t>(i)] = point_value(input, value_mode);
            all_finite &= std::isfinite(initial[static_cast<std::size_t>(i)]);
        }
    }

    std::vector<std::int32_t> labels(static_cast<std::size_t>(valid_shape ? n : 1), -7);
    std::vector<double> centroids(initial.size());
    cheeger_kmeans_info info{};

    cheeger_context context = nullptr;
    if (checked(cheeger_context_create(CHEEGER_BACKEND_CPU, threads, &context), "cheeger_context_create") !=
        CHEEGER_STATUS_OK) {
        finding("a CPU context could not be created", cheeger_last_error());
    }
    const bool any_null = null_bits && (nulls & 0x1F) != 0;
    const cheeger_status status = checked(
        cheeger_kmeans_run((null_bits && (nulls & 1)) ? nullptr : context,
                           (null_bits && (nulls & 2)) ? nullptr : points.data(), n, d,
                           (null_bits && (nulls & 4)) ? nullptr : &params, with_initial ? initial.data() : nullptr,
                           (null_bits && (nulls & 8)) ? nullptr : labels.data(),
                           (null_bits && (nulls & 16)) ? nullptr : centroids.data(), input.ConsumeBool() ? nullptr : &info),
        "cheeger_kmeans_run");

    if (status == CHEEGER_STATUS_OK) {
        if (any_null) finding("a null pointer was accepted", "cheeger_kmeans_run");
        if (!all_finite) finding("a non-finite value was accepted", "cheeger_kmeans_run");
        if (!k_valid) finding("an out-of-range k or shape was accepted", std::to_string(params.k));
        for (std::int64_t i = 0; i < n; ++i) {
            const std::int32_t label = labels[static_cast<std::size_t>(i)];
            if (label < 0 || label >= params.k) finding("label out of range", std::to_string(label));
        }

        // The same call on a context with another thread count gives the same bits.
        cheeger_context other = nullptr;
        checked(cheeger_context_create(CHEEGER_BACKEND_CPU, 1 + threads % 3, &other), "cheeger_context_create");
        std::vector<std::int32_t> labels_again(labels.size(), -7);
        std::vector<double> centroids_again(centroids.size());
        cheeger_kmeans_info info_again{};
        if (checked(cheeger_kmeans_run(other, points.data(), n, d, &params, with_initial ? initial.data() : nullptr,
                                       labels_again.data(), centroids_again.data(), &info_again),
                    "cheeger_kmeans_run") != CHEEGER_STATUS_OK) {
            finding("a call that succeeded failed on another thread count", cheeger_last_error());
        }
        if (labels_again != labels) finding("labels depend on the thread count", std::to_string(n));
        if (std::memcmp(centroids_again.data(), centroids.data(), centroids.size() * sizeof(double)) != 0) {
            finding("centroids depend on the thread count", std::to_string(n));
        }
        checked(cheeger_context_destroy(other), "cheeger_context_destroy");
    }
    checked(cheeger_context_destroy(context), "cheeger_context_destroy");
}

// A double the input chooses: raw bits (NaN, infinities, denormals, negatives) or one of the values where the
// flow kernels and the ranges of the parameters have their edges.
double edgy_double(FuzzedDataProvider& input) {
    static constexpr double edges[] = {0.0, -0.0, 1e-300, 1e-170, 5e-324, 0.5, 1.0, 2.0, 1e154, 1e200, 1.7e308, -1.0};
    if (input.ConsumeBool()) return edges[input.ConsumeIntegralInRange<std::size_t>(0, std::size(edges) - 1)];
    const auto bits = input.ConsumeIntegral<std::uint64_t>();
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// An int32 field of a parameter struct: its valid values most of the time, anything now and then.
std::int32_t enum_field(FuzzedDataProvider& input, std::int32_t valid_count) {
    return input.ConsumeIntegralInRange<int>(0, 7) == 0 ? input.ConsumeIntegral<std::int32_t>()
                                                        : input.ConsumeIntegralInRange<std::int32_t>(0, valid_count - 1);
}

// k folded into 1..min(n, 16) unless the input picks an invalid value.
std::int32_t decode_k(FuzzedDataProvider& input, std::int64_t n, bool valid_shape) {
    const auto raw = input.ConsumeIntegral<std::int32_t>();
    const bool raw_valid = valid_shape && raw >= 1 && raw <= n;
    if (input.ConsumeBool() && !raw_valid) return raw;
    const std::int64_t bound = valid_shape ? std::min<std::int64_t>(n, 16) : 1;
    return static_cast<std::int32_t>(1 + static_cast<std::uint32_t>(raw) % static_cast<std::uint32_t>(bound));
}

void decode_iso_params(FuzzedDataProvider& input, cheeger_iso_params& params, std::int64_t n, bool valid_shape) {
    checked(cheeger_iso_params_default(&params), "cheeger_iso_params_default");
    params.k = decode_k(input, n, valid_shape);
    params.kernel = enum_field(input, 3);
    params.weight = enum_field(input, 3);
    const auto steps = input.ConsumeIntegral<std::int32_t>();
    params.max_search_steps = steps <= 0 ? steps : 1 + steps % 200;
    if (input.ConsumeBool()) params.sigma = edgy_double(input);
    if (input.ConsumeIntegralInRange<int>(0, 3) == 0) params.sigma_scale = edgy_double(input);
    if (input.ConsumeBool()) params.beta = edgy_double(input);
    if (input.ConsumeIntegralInRange<int>(0, 3) == 0) params.search_tolerance = edgy_double(input);
    params.standardize = enum_field(input, 2);
    params.full_labels = enum_field(input, 2);
}

// The isoperimetric outputs of one call, sized for n points and k clusters.
struct iso_outputs {
    std::vector<std::int32_t> labels, full_labels, parent, depth, sibling_rank, order;
    std::vector<double> cluster_costs, squared_length, length, parent_flow, vertex_weight, potential;
    std::vector<cheeger_iso_probe> probes;
    cheeger_iso_tree tree{};
    cheeger_iso_info info{};

    iso_outputs(std::int64_t n, std::int32_t k, std::int32_t probes_capacity)
        : labels(static_cast<std::size_t>(n), -7), full_labels(static_cast<std::size_t>(n), -7),
          parent(static_cast<std::size_t>(n)), depth(static_cast<std::size_t>(n)), sibling_rank(static_cast<std::size_t>(n)),
          order(static_cast<std::size_t>(n)), cluster_costs(static_cast<std::size_t>(k >= 1 && k <= n ? k : 1)),
          squared_length(static_cast<std::size_t>(n)), length(static_cast<std::size_t>(n)),
          parent_flow(static_cast<std::size_t>(n)), vertex_weight(static_cast<std::size_t>(n)),
          potential(static_cast<std::size_t>(n)), probes(static_cast<std::size_t>(std::max(probes_capacity, 1))) {
        tree = {parent.data(), depth.data(), sibling_rank.data(), order.data(), squared_length.data(),
                length.data(), parent_flow.data(), vertex_weight.data(), potential.data()};
    }
};

// The call in words, for a finding's report.
std::string describe_iso(std::int64_t n, std::int64_t d, const cheeger_iso_params& p, int threads) {
    char text[400];
    std::snprintf(text, sizeof text,
                  "n = %lld, d = %lld, threads = %d, k = %d, kernel = %d, weight = %d, sigma = %.17g, sigma_scale = %.17g, "
                  "beta = %.17g, search_tolerance = %.17g, max_search_steps = %d, standardize = %d, full_labels = %d",
                  static_cast<long long>(n), static_cast<long long>(d), threads, p.k, p.kernel, p.weight, p.sigma,
                  p.sigma_scale, p.beta, p.search_tolerance, p.max_search_steps, p.standardize, p.full_labels);
    return text;
}

void check_iso_labels(const iso_outputs& out, std::int64_t n, std::int32_t k, bool full) {
    for (std::int64_t i = 0; i < n; ++i) {
        const std::int32_t label = out.labels[static_cast<std::size_t>(i)];
        if (label < -1 || label >= k) finding("iso label out of range", std::to_string(label));
        if (full) {
            const std::int32_t all = out.full_labels[static_cast<std::size_t>(i)];
            if (all < 0 || all >= k) finding("iso full label out of range", std::to_string(all));
        }
    }
}

void fuzz_iso_run(FuzzedDataProvider& input) {
    std::int64_t n = 0, d = 0;
    decode_shape(input, n, d, 300);  // Prim is O(n^2 d): keep an input well under a millisecond or two
    const bool valid_shape = n >= 1 && d >= 1 && n <= std::numeric_limits<std::int64_t>::max() / 8 / d;
    const std::int64_t values = valid_shape ? n * d : 0;
    cheeger_iso_params params;
    decode_iso_params(input, params, n, valid_shape);
    const auto nulls = input.ConsumeIntegralInRange<int>(0, 63);
    const bool null_bits = nulls < 16;
    const int threads = input.ConsumeIntegralInRange<int>(1, 3);
    const int value_mode = input.ConsumeIntegralInRange<int>(0, 3);
    const auto probes_capacity = input.ConsumeIntegralInRange<std::int32_t>(-1, 40);
    const bool with_tree = input.ConsumeBool();
    const bool with_costs = input.ConsumeBool();
    const bool with_info = input.ConsumeBool();

    std::vector<double> points(static_cast<std::size_t>(std::max<std::int64_t>(values, 1)));
    bool all_finite = true;
    for (std::int64_t i = 0; i < values; ++i) {
        points[static_cast<std::size_t>(i)] = point_value(input, value_mode);
        all_finite &= std::isfinite(points[static_cast<std::size_t>(i)]);
    }
    const std::int64_t rows = valid_shape ? n : 1;
    iso_outputs out(rows, params.k, probes_capacity);

    cheeger_context context = nullptr;
    if (checked(cheeger_context_create(CHEEGER_BACKEND_CPU, threads, &context), "cheeger_context_create") !=
        CHEEGER_STATUS_OK) {
        finding("a CPU context could not be created", cheeger_last_error());
    }
    const bool any_null = null_bits && (nulls & 0xF) != 0;
    const bool full = params.full_labels == 1;
    const cheeger_status status = checked(
        cheeger_iso_run((null_bits && (nulls & 1)) ? nullptr : context,
                        (null_bits && (nulls & 2)) ? nullptr : points.data(), n, d,
                        (null_bits && (nulls & 4)) ? nullptr : &params,
                        (null_bits && (nulls & 8)) ? nullptr : out.labels.data(),
                        (null_bits && (nulls & 16)) ? nullptr : out.full_labels.data(),
                        with_costs ? out.cluster_costs.data() : nullptr,
                        (null_bits && (nulls & 32)) ? nullptr : out.probes.data(), probes_capacity,
                        with_tree ? &out.tree : nullptr, with_info ? &out.info : nullptr),
        "cheeger_iso_run");
    if (status == CHEEGER_STATUS_OK) {
        if (any_null) finding("a null pointer was accepted", "cheeger_iso_run");
        if (!all_finite) finding("a non-finite value was accepted", "cheeger_iso_run");
        if (params.k < 1 || params.k > n) finding("an out-of-range k was accepted", std::to_string(params.k));
        check_iso_labels(out, n, params.k, full);
        if (with_info && !(std::isfinite(out.info.sigma) && out.info.sigma > 0.0)) {
            finding("sigma is not a positive finite number",
                    std::to_string(out.info.sigma) + "; " + describe_iso(n, d, params, threads));
        }
        if (with_tree) {
            for (std::int64_t v = 0; v < n; ++v) {
                const auto i = static_cast<std::size_t>(v);
                if (out.parent[i] >= 0 && !(std::isfinite(out.parent_flow[i]) && out.parent_flow[i] > 0.0)) {
                    finding("a tree edge has a flow that is not positive and finite",
                            std::to_string(out.parent_flow[i]) + " at vertex " + std::to_string(v) + " (squared length " +
                                std::to_string(out.squared_length[i]) + "); " + describe_iso(n, d, params, threads));
                }
                if (!(std::isfinite(out.vertex_weight[i]) && out.vertex_weight[i] > 0.0)) {
                    finding("a vertex weight is not positive and finite",
                            std::to_string(out.vertex_weight[i]) + "; " + describe_iso(n, d, params, threads));
                }
            }
        }

        // The same call on a context with another thread count gives the same labels.
        cheeger_context other = nullptr;
        checked(cheeger_context_create(CHEEGER_BACKEND_CPU, 1 + threads % 3, &other), "cheeger_context_create");
        iso_outputs again(n, params.k, probes_capacity);
        if (checked(cheeger_iso_run(other, points.data(), n, d, &params, again.labels.data(), again.full_labels.data(),
                                    nullptr, nullptr, 0, nullptr, nullptr),
                    "cheeger_iso_run") != CHEEGER_STATUS_OK) {
            finding("an iso call that succeeded failed on another thread count", cheeger_last_error());
        }
        if (again.labels != out.labels) finding("iso labels depend on the thread count", std::to_string(n));
        if (full && again.full_labels != out.full_labels) finding("iso full labels depend on the thread count", "");
        checked(cheeger_context_destroy(other), "cheeger_context_destroy");
    }
    checked(cheeger_context_destroy(context), "cheeger_context_destroy");
}

// The partition stage on a tree the input describes: mostly a valid tree (parent before child), sometimes any
// parent, values from the edges of their ranges or raw bits; sibling ranks and order given or left to the library.
void fuzz_iso_partition(FuzzedDataProvider& input) {
    const auto n = input.ConsumeIntegralInRange<std::int64_t>(-2, 64);
    const bool valid_n = n >= 1;
    const auto size = static_cast<std::size_t>(valid_n ? n : 1);
    std::vector<std::int32_t> parent(size, -1), sibling_rank(size, 0), order(size, 0);
    std::vector<double> flow(size, 0.0), weight(size, 1.0), potential(size, 0.0);
    const bool arbitrary_parents = input.ConsumeIntegralInRange<int>(0, 7) == 0;
    const bool raw_values = input.ConsumeIntegralInRange<int>(0, 3) == 0;
    std::vector<std::int32_t> children(size, 0);
    for (std::int64_t v = 1; v < n; ++v) {
        const auto i = static_cast<std::size_t>(v);
        parent[i] = arbitrary_parents ? input.ConsumeIntegralInRange<std::int32_t>(-1, static_cast<std::int32_t>(n))
                                      : input.ConsumeIntegralInRange<std::int32_t>(0, static_cast<std::int32_t>(v - 1));
        if (parent[i] >= 0 && parent[i] < n) sibling_rank[i] = children[static_cast<std::size_t>(parent[i])]++;
        flow[i] = raw_values ? edgy_double(input) : static_cast<double>(input.ConsumeIntegralInRange<int>(1, 8)) / 8.0;
    }
    for (std::size_t i = 0; i < size; ++i) {
        weight[i] = raw_values ? edgy_double(input) : static_cast<double>(input.ConsumeIntegralInRange<int>(1, 8));
        potential[i] = raw_values ? edgy_double(input) : static_cast<double>(input.ConsumeIntegralInRange<int>(0, 2)) / 4.0;
        order[i] = static_cast<std::int32_t>(i);  // parents before children for the valid trees above
    }
    const bool give_ranks = input.ConsumeBool();
    const bool give_order = input.ConsumeBool();
    if (give_ranks && input.ConsumeIntegralInRange<int>(0, 7) == 0 && valid_n) {
        sibling_rank[input.ConsumeIntegralInRange<std::size_t>(0, size - 1)] = input.ConsumeIntegral<std::int32_t>();
    }
    if (give_order && input.ConsumeIntegralInRange<int>(0, 7) == 0 && valid_n) {
        order[input.ConsumeIntegralInRange<std::size_t>(0, size - 1)] = input.ConsumeIntegral<std::int32_t>();
    }
    cheeger_iso_params params;
    decode_iso_params(input, params, n, valid_n);
    const int threads = input.ConsumeIntegralInRange<int>(1, 3);
    std::vector<std::int32_t> labels(size, -7);
    // k entries when k is valid; an invalid k must be refused before anything is written.
    std::vector<double> costs(static_cast<std::size_t>(params.k >= 1 && params.k <= n ? params.k : 1));
    cheeger_iso_info info{};

    cheeger_context context = nullptr;
    checked(cheeger_context_create(CHEEGER_BACKEND_CPU, threads, &context), "cheeger_context_create");
    const cheeger_status status = checked(
        cheeger_iso_partition(context, n, parent.data(), flow.data(), weight.data(), potential.data(),
                              give_ranks ? sibling_rank.data() : nullptr, give_order ? order.data() : nullptr, &params,
                              labels.data(), input.ConsumeBool() ? costs.data() : nullptr, &info),
        "cheeger_iso_partition");
    if (status == CHEEGER_STATUS_OK) {
        if (params.k < 1 || params.k > n) finding("an out-of-range k was accepted", std::to_string(params.k));
        for (const std::int32_t label : labels) {
            if (label < -1 || label >= params.k) finding("partition label out of range", std::to_string(label));
        }
        cheeger_context other = nullptr;
        checked(cheeger_context_create(CHEEGER_BACKEND_CPU, 1 + threads % 3, &other), "cheeger_context_create");
        std::vector<std::int32_t> again(size, -7);
        if (checked(cheeger_iso_partition(other, n, parent.data(), flow.data(), weight.data(), potential.data(),
                                          give_ranks ? sibling_rank.data() : nullptr,
                                          give_order ? order.data() : nullptr, &params, again.data(), nullptr, nullptr),
                    "cheeger_iso_partition") != CHEEGER_STATUS_OK) {
            finding("a partition that succeeded failed on another thread count", cheeger_last_error());
        }
        if (again != labels) finding("partition labels depend on the thread count", std::to_string(n));
        checked(cheeger_context_destroy(other), "cheeger_context_destroy");
    }
    checked(cheeger_context_destroy(context), "cheeger_context_destroy");
}

void fuzz_sample_rows(FuzzedDataProvider& input) {
    const auto n = input.ConsumeIntegral<std::int64_t>();
    const auto raw_k = input.ConsumeIntegral<std::int32_t>();
    // Valid k are folded to at most 256 rows (the output buffer); invalid ones are passed as they are.
    const std::int32_t k = raw_k >= 1 && raw_k <= n ? 1 + (raw_k - 1) % 256 : raw_k;
    const auto seed = input.ConsumeIntegral<std::uint64_t>();
    std::vector<std::int64_t> rows(256, -1);
    const bool null_out = input.ConsumeIntegralInRange<int>(0, 15) == 0;
    const cheeger_status status =
        checked(cheeger_kmeans_sample_rows(n, k, seed, null_out ? nullptr : rows.data()), "cheeger_kmeans_sample_rows");
    if (status != CHEEGER_STATUS_OK) return;
    if (null_out || k < 1 || k > n) finding("invalid sample_rows arguments were accepted", std::to_string(k));
    for (std::int32_t i = 0; i < k; ++i) {
        const std::int64_t row = rows[static_cast<std::size_t>(i)];
        if (row < 0 || row >= n) finding("sampled row out of range", std::to_string(row));
        for (std::int32_t j = 0; j < i; ++j) {
            if (rows[static_cast<std::size_t>(j)] == row) finding("sampled row repeated", std::to_string(row));
        }
    }
}

void fuzz_context(FuzzedDataProvider& input) {
    const auto raw_backend = input.ConsumeIntegral<std::int32_t>();
    const auto raw_threads = input.ConsumeIntegral<std::int32_t>();
    // Valid thread counts are folded to 0..4 (each is a real thread); invalid ones are passed as they are.
    const std::int32_t threads = raw_threads >= 0 && raw_threads <= 4096 ? raw_threads % 5 : raw_threads;
    cheeger_context context = nullptr;
    const bool null_out = input.ConsumeIntegralInRange<int>(0, 15) == 0;
    const cheeger_status status =
        checked(cheeger_fuzz_context_create(raw_backend, threads, null_out ? nullptr : &context),
                "cheeger_context_create");
    if (status != CHEEGER_STATUS_OK) {
        if (context != nullptr) finding("a failed create returned a context", cheeger_last_error());
        return;
    }
    cheeger_backend resolved;
    std::int32_t resolved_threads = 0;
    checked(cheeger_context_backend(context, input.ConsumeBool() ? nullptr : &resolved), "cheeger_context_backend");
    checked(cheeger_context_threads(context, input.ConsumeBool() ? nullptr : &resolved_threads),
            "cheeger_context_threads");
    checked(cheeger_context_destroy(context), "cheeger_context_destroy");
}

void fuzz_struct_layout(FuzzedDataProvider& input) {
    const std::string type_name = input.ConsumeRandomLengthString(64);
    const std::string field = input.ConsumeRandomLengthString(64);
    const int nulls = input.ConsumeIntegralInRange<int>(0, 7);
    std::int64_t value = 0;
    checked(cheeger_struct_layout((nulls & 1) ? nullptr : type_name.c_str(), (nulls & 2) ? nullptr : field.c_str(),
                                  (nulls & 4) ? nullptr : &value),
            "cheeger_struct_layout");
}

void fuzz_queries(FuzzedDataProvider& input) {
    const int nulls = input.ConsumeIntegralInRange<int>(0, 15);
    std::int32_t major = 0, minor = 0, patch = 0;
    checked(cheeger_version_get((nulls & 1) ? nullptr : &major, &minor, (nulls & 2) ? nullptr : &patch),
            "cheeger_version_get");
    cheeger_capabilities capabilities;
    checked(cheeger_capabilities_get((nulls & 4) ? nullptr : &capabilities), "cheeger_capabilities_get");
    cheeger_kmeans_params params;
    checked(cheeger_kmeans_params_default((nulls & 8) ? nullptr : &params), "cheeger_kmeans_params_default");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider input(data, size);
    const std::int64_t live_before = cheeger_live_context_count();
    // A few calls per input, so that state a failed call leaves behind meets the next one.
    for (int call = 0; call < 3 && input.remaining_bytes() > 0; ++call) {
        switch (input.ConsumeIntegralInRange<int>(0, 9)) {
            case 0:
            case 1:
                fuzz_kmeans_run(input);
                break;
            case 2:
            case 3:
                fuzz_iso_run(input);
                break;
            case 4:
                fuzz_iso_partition(input);
                break;
            case 5:
                fuzz_sample_rows(input);
                break;
            case 6:
                fuzz_context(input);
                break;
            case 7:
                fuzz_struct_layout(input);
                break;
            default:
                fuzz_queries(input);
                break;
        }
    }
    if (cheeger_live_context_count() != live_before) finding("a context was leaked", "live context count changed");
    return 0;
}
