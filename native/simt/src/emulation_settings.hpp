// The emulated device's settings, read once from the environment:
//   CHEEGER_SIMT_WORKERS        OS threads that run blocks (= the device's multiprocessors); default: the
//                               machine's hardware threads, at least 2 and at most 16
//   CHEEGER_SIMT_SHUFFLE_SEED   when set, a block's threads run in an order shuffled by this seed between
//                               barriers (to catch kernels that assume an order); default: thread order
#pragma once

#include <cstdint>
#include <optional>

namespace simt {

struct emulation_settings {
    int workers;
    std::optional<std::uint64_t> shuffle_seed;
};

/// The settings of this process.
const emulation_settings& settings();

}  // namespace simt
