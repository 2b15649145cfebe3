#include "emulation_settings.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace simt {

namespace {

std::optional<std::uint64_t> read_unsigned(const char* name) {
    const char* text = std::getenv(name);
    if (text == nullptr || *text == '\0') return std::nullopt;
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (end == nullptr || *end != '\0') {
        std::fprintf(stderr, "cheeger simt: %s=%s is not a whole number; ignored\n", name, text);
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(value);
}

emulation_settings read_settings() {
    emulation_settings result{};
    const auto hardware = static_cast<int>(std::thread::hardware_concurrency());
    result.workers = std::clamp(hardware, 2, 16);
    if (const auto workers = read_unsigned("CHEEGER_SIMT_WORKERS")) {
        result.workers = static_cast<int>(std::clamp<std::uint64_t>(*workers, 1, 64));
    }
    result.shuffle_seed = read_unsigned("CHEEGER_SIMT_SHUFFLE_SEED");
    return result;
}

}  // namespace

const emulation_settings& settings() {
    static const emulation_settings value = read_settings();
    return value;
}

}  // namespace simt
