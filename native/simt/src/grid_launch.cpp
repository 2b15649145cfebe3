// simt::launch: checks the configuration as the device does, then runs the grid's blocks on worker threads, each
// block on one worker with its threads as fibers (block_scheduler). A cooperative grid gets one worker per block,
// all running at once, so a grid-wide barrier that spins on device memory works as on the device.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <new>
#include <thread>
#include <vector>

#include "block_scheduler.hpp"
#include "emulation_settings.hpp"
#include "fiber_stacks.hpp"
#include "runtime_errors.hpp"
#include "runtime_handles.hpp"
#include "simt/launch.hpp"

namespace simt {

namespace {

constexpr unsigned int max_threads_per_block = 1024;
constexpr std::size_t max_dynamic_shared_bytes = 48 * 1024;
/// What uninitialised shared memory holds: never zero, so a kernel that reads before it writes is found.
constexpr unsigned char shared_fill = 0xA5;

bool valid_block(const dim3& block) {
    return block.x >= 1 && block.y >= 1 && block.z >= 1 && block.x <= 1024 && block.y <= 1024 && block.z <= 64 &&
           std::uint64_t{block.x} * block.y * block.z <= max_threads_per_block;
}

bool valid_grid(const dim3& grid) {
    return grid.x >= 1 && grid.y >= 1 && grid.z >= 1 && grid.x <= 2147483647U && grid.y <= 65535 && grid.z <= 65535;
}

/// Cooperative grids run one at a time: their spinning blocks then never outnumber the workers.
std::mutex& cooperative_turn() {
    static std::mutex value;
    return value;
}

/// One worker: runs the blocks `next` hands out (or only `only_block`), with its own stacks and shared memory.
void run_blocks(const launch_shape& shape, const kernel_body& body, std::uint64_t blocks,
                std::atomic<std::uint64_t>& next, std::int64_t only_block) {
    borrowed_stacks stacks;
    block_scheduler scheduler(stacks.get());
    const std::size_t shared_bytes = shape.dynamic_shared_bytes;
    std::unique_ptr<unsigned char[]> shared(shared_bytes > 0 ? new unsigned char[shared_bytes] : nullptr);
    const auto settings_seed = settings().shuffle_seed;
    auto run_one = [&](std::uint64_t b) {
        block_position block{};
        const std::uint64_t gx = shape.grid.x;
        const std::uint64_t gy = shape.grid.y;
        block.index = uint3{static_cast<unsigned int>(b % gx), static_cast<unsigned int>(b / gx % gy),
                            static_cast<unsigned int>(b / (gx * gy))};
        block.dim = shape.block;
        block.grid = shape.grid;
        block.dynamic_shared = shared.get();
        if (shared_bytes > 0) std::fill_n(shared.get(), shared_bytes, shared_fill);
        scheduler.run(body, block, settings_seed);
    };
    if (only_block >= 0) {
        run_one(static_cast<std::uint64_t>(only_block));
        return;
    }
    for (std::uint64_t b = next.fetch_add(1); b < blocks; b = next.fetch_add(1)) run_one(b);
}

}  // namespace

cudaError_t launch(const launch_shape& shape, const kernel_body& body) {
    if (!known_stream(shape.stream)) return fail(cudaErrorInvalidResourceHandle);
    if (!valid_block(shape.block) || !valid_grid(shape.grid)) return fail(cudaErrorInvalidConfiguration);
    if (shape.dynamic_shared_bytes > max_dynamic_shared_bytes) return fail(cudaErrorInvalidValue);
    const std::uint64_t blocks = std::uint64_t{shape.grid.x} * shape.grid.y * shape.grid.z;
    const auto workers_available = static_cast<std::uint64_t>(settings().workers);
    if (shape.cooperative && blocks > workers_available) return fail(cudaErrorCooperativeLaunchTooLarge);

    std::unique_lock<std::mutex> turn;
    if (shape.cooperative) turn = std::unique_lock(cooperative_turn());
    const std::uint64_t workers = std::min(blocks, workers_available);
    std::atomic<std::uint64_t> next{0};
    std::vector<std::thread> helpers;
    helpers.reserve(static_cast<std::size_t>(workers - 1));
    // The calling thread is worker 0; a cooperative grid's worker w runs block w.
    for (std::uint64_t w = 1; w < workers; ++w) {
        const std::int64_t only = shape.cooperative ? static_cast<std::int64_t>(w) : -1;
        helpers.emplace_back([&, only] { run_blocks(shape, body, blocks, next, only); });
    }
    run_blocks(shape, body, blocks, next, shape.cooperative ? 0 : -1);
    for (std::thread& helper : helpers) helper.join();
    return cudaSuccess;
}

}  // namespace simt
