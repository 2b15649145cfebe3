// libFuzzer target for the flat C API. Each input decodes into calls of the entry points with the shapes,
// parameters, point values and pointers a C caller could pass; sizes that would make the caller itself read out
// of bounds (a valid n * d larger than the buffer given) are folded into the buffer, every invalid size is passed
// as is. Besides the sanitizers' checks, the target aborts (a finding) when the library breaks its contract:
// an internal error, an unknown status, a message that does not name the function, a success that leaves a
// message behind or accepts a non-finite value, labels out of range, results that depend on the thread count,
// or a context left alive.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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
void decode_shape(FuzzedDataProvider& input, std::int64_t& n, std::int64_t& d) {
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
            n = fold(raw_n, 5000);
            d = fold(raw_d, 3);
            return;
        default: {  // as given, unless it is valid and larger than the buffer
            n = raw_n;
            d = raw_d;
            const bool valid = n >= 1 && d >= 1 && n <= std::numeric_limits<std::int64_t>::max() / 8 / d;
            if (valid && n * d > max_values) {
                d = fold(d, 16);
                n = fold(n, max_values / d);
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
        switch (input.ConsumeIntegralInRange<int>(0, 7)) {
            case 0:
            case 1:
            case 2:
                fuzz_kmeans_run(input);
                break;
            case 3:
                fuzz_sample_rows(input);
                break;
            case 4:
                fuzz_context(input);
                break;
            case 5:
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
