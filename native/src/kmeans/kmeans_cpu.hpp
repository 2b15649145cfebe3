// Lloyd's k-means on the CPU, following the shared rules of docs/architecture.md.
#pragma once

#include "cheeger.h"
#include "kmeans/kmeans_request.hpp"

struct cheeger_context_t;

namespace cheeger::kmeans {

/// Runs the validated request on the context's thread pool and workspace; fills every field of info.
void run_cpu(cheeger_context_t& context, const request& call, cheeger_kmeans_info& info);

}  // namespace cheeger::kmeans
