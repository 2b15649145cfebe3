// Lloyd's k-means, written once over the stage interface (kmeans_backend.hpp): cheeger_kmeans_run calls it after
// validation, holding the context's call mutex.
#pragma once

#include <cstdint>
#include <vector>

#include "cheeger.h"
#include "kmeans/kmeans_backend.hpp"
#include "kmeans/kmeans_request.hpp"

namespace cheeger::kmeans {

/// Runs the validated request on `stages`; appends each pass's change count to changes_per_pass and fills
/// every field of info.
void run(stage_backend& stages, const request& call, std::vector<std::int64_t>& changes_per_pass,
         cheeger_kmeans_info& info);

}  // namespace cheeger::kmeans
