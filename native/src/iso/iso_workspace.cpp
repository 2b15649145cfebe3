#include "iso/iso_workspace.hpp"

#include "core/buffer.hpp"

namespace cheeger::iso {

void workspace::prepare(std::int64_t n, std::int64_t d, bool standardize) {
    if (standardize) grow_buffer(standardized, n * d, "the z-scored points");
    grow_buffer(parent, n, "the tree parents");
    grow_buffer(order, n, "the tree insertion order");
    grow_buffer(depth, n, "the tree depths");
    grow_buffer(sibling_rank, n, "the tree sibling ranks");
    grow_buffer(squared_length, n, "the squared tree edge lengths");
    grow_buffer(length, n, "the tree edge lengths");
    grow_buffer(parent_flow, n, "the tree flows");
    grow_buffer(vertex_weight, n, "the vertex weights");
    grow_buffer(potential, n, "the potentials");
    grow_buffer(child_count, n, "the child counts");
    grow_buffer(vertex_child_start, n + 1, "the child ranges by vertex");
    grow_buffer(vertex_children, n, "the children by vertex");
    grow_buffer(level_start, n + 1, "the level ranges");
    grow_buffer(position_of, n, "the breadth-first positions");
    grow_buffer(vertex_at, n, "the breadth-first vertices");
    grow_buffer(parent_at, n, "the breadth-first parents");
    grow_buffer(child_start, n + 1, "the child ranges");
    grow_buffer(flow_at, n, "the flows by position");
    grow_buffer(weight_at, n, "the weights by position");
    grow_buffer(potential_at, n, "the potentials by position");
    grow_buffer(singleton_cost, n, "the singleton costs");
    grow_buffer(value, n, "the decision values");
    grow_buffer(good, n, "the decision closing flags");
    grow_buffer(joined, n, "the decision join flags");
    grow_buffer(representative, n, "the decision representatives");
    grow_buffer(set_boundary, n, "the set boundaries");
    grow_buffer(set_weight, n, "the set weights");
    grow_buffer(tops, n, "the set tops");
    grow_buffer(selected, n, "the selected tops");
    grow_buffer(scan, n, "the label scan");
    if (probes.capacity() < 256) probes.reserve(256);  // a search makes about 45 decisions
}

}  // namespace cheeger::iso
