#include "core/cpu_kernel_family.hpp"
#include "iso/prim_chunk.hpp"
#include "iso/squared_distance.hpp"

namespace cheeger::iso {

void offer_chunk_tail(const prim_chunk_args& c, std::int64_t from, least_edge& best) noexcept {
    for (std::int64_t i = from; i < c.end; ++i) {
        const std::int32_t v = c.vertices[i];
        const double d2 = squared_distance(c.row, c.points + static_cast<std::int64_t>(v) * c.d, c.d);
        if (c.assign || edge_precedes(d2, c.u, v, c.keys[i], c.parents[i], v)) {
            c.keys[i] = d2;
            c.parents[i] = c.u;
        }
        best.offer(c.keys[i], c.parents[i], v);
    }
}

least_edge offer_chunk_scalar(const prim_chunk_args& chunk) noexcept {
    least_edge best;
    offer_chunk_tail(chunk, chunk.begin, best);
    return best;
}

prim_chunk_function prim_chunk_kernel() noexcept {
    const cpu_kernel_family family = cpu_kernel_in_use();
    if (family == cpu_kernel_family::avx512 && prim_chunk_avx512() != nullptr) return prim_chunk_avx512();
    if (family != cpu_kernel_family::scalar && prim_chunk_avx2() != nullptr) return prim_chunk_avx2();
    return &offer_chunk_scalar;
}

}  // namespace cheeger::iso
