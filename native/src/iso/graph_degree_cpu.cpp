#include "iso/graph_degree_cpu.hpp"

#include <algorithm>

#include "iso/iso_flow.hpp"
#include "iso/squared_distance.hpp"

namespace cheeger::iso {

void graph_degree_cpu(thread_pool& pool, const double* points, std::int64_t n, std::int64_t d,
                      cheeger_iso_kernel kernel, double sigma, double* degree_out) {
    if (n == 1) {
        degree_out[0] = 1.0;
        return;
    }
    constexpr std::int64_t per_task = 16;
    pool.parallel_for((n + per_task - 1) / per_task, [&](std::int64_t task, int /*participant*/) {
        const std::int64_t end = std::min(n, (task + 1) * per_task);
        for (std::int64_t v = task * per_task; v < end; ++v) {
            const double* row = points + v * d;
            double sum = 0.0;
            for (std::int64_t u = 0; u < n; ++u) {
                if (u != v) sum += flow_of(kernel, squared_distance(points + u * d, row, d), sigma);
            }
            degree_out[v] = sum;
        }
    });
}

}  // namespace cheeger::iso
