// Ids that stand for vertices. A stage may number the vertices its own way (the kd-tree Boruvka numbers them by
// tree position, so that its per-vertex arrays are read in memory order as it walks the tree) and map an id back
// to its vertex only where the edge order needs the vertex index: the (min, max) tie-break of equal d2.
#pragma once

#include <cstdint>

namespace cheeger::iso {

struct vertex_numbering {
    const std::int32_t* vertex_of = nullptr;  // id -> vertex; nullptr: the ids are the vertices

    [[nodiscard]] std::int32_t operator()(std::int32_t id) const noexcept {
        return vertex_of == nullptr ? id : vertex_of[id];
    }
};

}  // namespace cheeger::iso
