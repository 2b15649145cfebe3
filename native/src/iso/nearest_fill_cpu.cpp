#include "iso/nearest_fill_cpu.hpp"

#include <algorithm>
#include <cstring>

#include "core/buffer.hpp"

namespace cheeger::iso {

namespace {

constexpr std::int64_t block = 8;

// The position of the clustered point nearest to x among m points stored dimension-major; ties to the lowest.
std::int64_t nearest(const double* columns, std::int64_t m, std::int64_t d, const double* x) noexcept {
    std::int64_t best = -1;
    double best_d2 = 0.0;
    std::int64_t i = 0;
    for (; i + block <= m; i += block) {
        double acc[block] = {};
        for (std::int64_t j = 0; j < d; ++j) {
            const double* column = columns + j * m + i;
            const double xj = x[j];
            for (std::int64_t l = 0; l < block; ++l) {  // one point per lane: each sum keeps dimension order
                const double diff = column[l] - xj;
                acc[l] += diff * diff;
            }
        }
        for (std::int64_t l = 0; l < block; ++l) {
            if (best < 0 || acc[l] < best_d2) {
                best_d2 = acc[l];
                best = i + l;
            }
        }
    }
    for (; i < m; ++i) {
        double acc = 0.0;
        for (std::int64_t j = 0; j < d; ++j) {
            const double diff = columns[j * m + i] - x[j];
            acc += diff * diff;
        }
        if (best < 0 || acc < best_d2) {
            best_d2 = acc;
            best = i;
        }
    }
    return best;
}

}  // namespace

void nearest_fill(thread_pool& pool, nearest_fill_workspace& ws, const double* points, std::int64_t n,
                  std::int64_t d, const std::int32_t* labels, std::int32_t* full_out) {
    std::int64_t outliers = 0;
    for (std::int64_t v = 0; v < n; ++v) outliers += labels[v] < 0 ? 1 : 0;
    std::memcpy(full_out, labels, static_cast<std::size_t>(n) * sizeof(std::int32_t));
    if (outliers == 0) return;
    const std::int64_t m = n - outliers;

    grow_buffer(ws.outliers, outliers, "the outlier list");
    grow_buffer(ws.clustered, m, "the clustered point list");
    grow_buffer(ws.columns, m * d, "the clustered point columns");
    std::int64_t o = 0, c = 0;
    for (std::int64_t v = 0; v < n; ++v) {
        if (labels[v] < 0) {
            ws.outliers[static_cast<std::size_t>(o++)] = static_cast<std::int32_t>(v);
        } else {
            for (std::int64_t j = 0; j < d; ++j) ws.columns[static_cast<std::size_t>(j * m + c)] = points[v * d + j];
            ws.clustered[static_cast<std::size_t>(c++)] = static_cast<std::int32_t>(v);
        }
    }

    // Tasks of a few outliers each; every task writes only its own outliers' labels.
    constexpr std::int64_t per_task = 4;
    const std::int64_t tasks = (outliers + per_task - 1) / per_task;
    pool.parallel_for(tasks, [&](std::int64_t task, int /*participant*/) {
        const std::int64_t end = std::min(outliers, (task + 1) * per_task);
        for (std::int64_t k = task * per_task; k < end; ++k) {
            const std::int32_t v = ws.outliers[static_cast<std::size_t>(k)];
            const std::int64_t at = nearest(ws.columns.data(), m, d, points + std::int64_t{v} * d);
            full_out[v] = labels[ws.clustered[static_cast<std::size_t>(at)]];
        }
    });
}

}  // namespace cheeger::iso
