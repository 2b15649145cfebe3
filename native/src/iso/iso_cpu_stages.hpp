// The CPU implementation of the isoperimetric stages, on the context's thread pool.
#pragma once

#include <cstdint>
#include <memory>

#include "core/thread_pool.hpp"
#include "iso/iso_backend.hpp"

namespace cheeger::iso {

/// What CHEEGER_ISO_SPANNING_TREE_AUTO runs on the CPU for n x d points: KDTREE from the measured sizes of
/// cheeger.h (CHEEGER_ISO_KDTREE_MIN_POINTS_D2 ... _D10) for d, or for the data's intrinsic dimension where that is
/// at most d / 2 (CHEEGER_ISO_DIMENSION_SAMPLE_*), else PRIM.
cheeger_iso_spanning_tree cpu_spanning_tree_choice(const double* points, std::int64_t n, std::int64_t d) noexcept;

/// The CPU stages for a context's pool (the pool must outlive them).
std::unique_ptr<stage_backend> make_cpu_stages(thread_pool& pool);

}  // namespace cheeger::iso
