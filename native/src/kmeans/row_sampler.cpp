#include "kmeans/row_sampler.hpp"

#include <new>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cheeger.h"
#include "core/buffer.hpp"
#include "core/error.hpp"
#include "core/message.hpp"
#include "core/splitmix64.hpp"

namespace cheeger::kmeans {

namespace {

// The shuffle over a full index array, as the managed code writes it; used when k is a large part of n.
void sample_dense(std::int64_t n, std::int64_t k, std::uint64_t seed, std::int64_t* rows_out) {
    std::vector<std::int64_t> index;
    grow_buffer(index, n, "the row index of the sampler");
    for (std::int64_t i = 0; i < n; ++i) index[static_cast<std::size_t>(i)] = i;
    splitmix64 rng(seed);
    for (std::int64_t i = 0; i < k; ++i) {
        const auto j = i + static_cast<std::int64_t>(rng.next_below(static_cast<std::uint64_t>(n - i)));
        std::swap(index[static_cast<std::size_t>(i)], index[static_cast<std::size_t>(j)]);
        rows_out[i] = index[static_cast<std::size_t>(i)];
    }
}

// The same shuffle with only the displaced entries stored (index[p] = p for every p not in the map). Position i
// is never read again after step i, so only index[j] needs writing back. Gives the dense result for any n.
void sample_sparse(std::int64_t n, std::int64_t k, std::uint64_t seed, std::int64_t* rows_out) {
    std::unordered_map<std::int64_t, std::int64_t> displaced;
    try {
        displaced.reserve(static_cast<std::size_t>(k));
    } catch (const std::bad_alloc&) {
        throw error(CHEEGER_STATUS_OUT_OF_MEMORY,
                    message("could not allocate the sampler's table of ", k, " displaced rows"));
    }
    auto value_at = [&displaced](std::int64_t position) {
        const auto found = displaced.find(position);
        return found == displaced.end() ? position : found->second;
    };
    splitmix64 rng(seed);
    for (std::int64_t i = 0; i < k; ++i) {
        const auto j = i + static_cast<std::int64_t>(rng.next_below(static_cast<std::uint64_t>(n - i)));
        const std::int64_t at_i = value_at(i);
        rows_out[i] = value_at(j);
        displaced[j] = at_i;
    }
}

}  // namespace

void sample_rows(std::int64_t n, std::int64_t k, std::uint64_t seed, std::int64_t* rows_out) {
    // The dense array costs 8n bytes, the map about 40 bytes per entry: take the smaller.
    if (n <= 8 * k) {
        sample_dense(n, k, seed, rows_out);
    } else {
        sample_sparse(n, k, seed, rows_out);
    }
}

}  // namespace cheeger::kmeans
