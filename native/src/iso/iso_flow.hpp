// The flow of an edge from its squared length (spec §2.3), clamped so that it stays positive. Exactly the managed
// FlowKernels.Flow: laplace exp(-sqrt(d2)/sigma), gauss exp(-d2/(sigma*sigma)) from d2 itself, inverse
// sigma/(sigma + sqrt(d2)); both sides call the C library's exp and a correctly rounded sqrt.
#pragma once

#include <algorithm>
#include <cmath>

#include "cheeger.h"

namespace cheeger::iso {

/// The smallest flow: an edge so long that exp underflows still carries this much.
inline constexpr double minimum_flow = 1e-300;

/// max(kernel(d2, sigma), 1e-300); `kernel` is a validated cheeger_iso_kernel.
inline double flow_of(cheeger_iso_kernel kernel, double squared_length, double sigma) noexcept {
    double flow;
    switch (kernel) {
        case CHEEGER_ISO_KERNEL_GAUSS:
            flow = std::exp(-squared_length / (sigma * sigma));
            break;
        case CHEEGER_ISO_KERNEL_INVERSE:
            flow = sigma / (sigma + std::sqrt(squared_length));
            break;
        case CHEEGER_ISO_KERNEL_LAPLACE:
        default:
            flow = std::exp(-std::sqrt(squared_length) / sigma);
            break;
    }
    return std::max(flow, minimum_flow);
}

}  // namespace cheeger::iso
