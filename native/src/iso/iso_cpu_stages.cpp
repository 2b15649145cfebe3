#include "iso/iso_cpu_stages.hpp"

#include <cmath>

#include "iso/boruvka_cpu.hpp"
#include "iso/graph_degree_cpu.hpp"
#include "iso/intrinsic_dimension.hpp"
#include "iso/kdtree_boruvka_cpu.hpp"
#include "iso/nearest_fill_cpu.hpp"
#include "iso/prim_cpu.hpp"
#include "iso/subtree_decider.hpp"

namespace cheeger::iso {

namespace {

class cpu_stages final : public stage_backend {
public:
    explicit cpu_stages(thread_pool& pool) : pool_(pool), decider_(pool) {}

    [[nodiscard]] cheeger_backend kind() const noexcept override { return CHEEGER_BACKEND_CPU; }

    // AUTO never picks the brute-force Boruvka: its O(log n) rounds of O(n^2 d) work each cost more than Prim's
    // n - 1 steps. It picks the kd-tree from the size and (intrinsic) dimension where that was measured to win.
    void minimum_spanning_tree(const double* points, std::int64_t n, std::int64_t d,
                               cheeger_iso_spanning_tree algorithm, const tree_output& out,
                               const progress_sink& progress) override {
        if (algorithm == CHEEGER_ISO_SPANNING_TREE_AUTO) algorithm = cpu_spanning_tree_choice(points, n, d);
        switch (algorithm) {
            case CHEEGER_ISO_SPANNING_TREE_BORUVKA:
                boruvka_tree(pool_, boruvka_, points, n, d, out, progress);
                break;
            case CHEEGER_ISO_SPANNING_TREE_KDTREE:
                kdtree_boruvka_tree(pool_, kdtree_, points, n, d, out, progress);
                break;
            default:
                prim_tree(pool_, prim_, points, n, d, out, progress);
                break;
        }
    }

    void graph_degree(const double* points, std::int64_t n, std::int64_t d, cheeger_iso_kernel kernel, double sigma,
                      double* degree_out) override {
        graph_degree_cpu(pool_, points, n, d, kernel, sigma, degree_out);
    }

    void load_tree(const decision_tree& tree) override { decider_.load(tree); }

    std::int64_t count(double epsilon, bool strict) override { return decider_.count(epsilon, strict); }

    std::int64_t decide(double epsilon, bool strict, const decision_output& out) override {
        return decider_.decide(epsilon, strict, out);
    }

    void nearest_fill(const double* points, std::int64_t n, std::int64_t d, const std::int32_t* labels,
                      std::int32_t* full_out) override {
        iso::nearest_fill(pool_, fill_, points, n, d, labels, full_out);
    }

private:
    thread_pool& pool_;
    prim_workspace prim_;
    boruvka_components boruvka_;
    kdtree_boruvka_workspace kdtree_;
    subtree_decider decider_;
    nearest_fill_workspace fill_;
};

std::int64_t kdtree_min_points(std::int64_t d) noexcept {
    return d <= 2    ? CHEEGER_ISO_KDTREE_MIN_POINTS_D2
           : d <= 4  ? CHEEGER_ISO_KDTREE_MIN_POINTS_D4
           : d <= 6  ? CHEEGER_ISO_KDTREE_MIN_POINTS_D6
           : d <= 8  ? CHEEGER_ISO_KDTREE_MIN_POINTS_D8
           : d <= 10 ? CHEEGER_ISO_KDTREE_MIN_POINTS_D10
                     : INT64_MAX;
}

}  // namespace

cheeger_iso_spanning_tree cpu_spanning_tree_choice(const double* points, std::int64_t n, std::int64_t d) noexcept {
    if (n >= kdtree_min_points(d)) return CHEEGER_ISO_SPANNING_TREE_KDTREE;
    // Only a lower intrinsic dimension can still call for the kd-tree; the estimate costs well under Prim's n^2 d.
    if (n < CHEEGER_ISO_KDTREE_MIN_POINTS_D2) return CHEEGER_ISO_SPANNING_TREE_PRIM;
    const double intrinsic = intrinsic_dimension(points, n, d);
    const bool much_lower = intrinsic <= 0.5 * static_cast<double>(d);  // false for NaN
    const bool kdtree = much_lower && n >= kdtree_min_points(static_cast<std::int64_t>(std::ceil(intrinsic)));
    return kdtree ? CHEEGER_ISO_SPANNING_TREE_KDTREE : CHEEGER_ISO_SPANNING_TREE_PRIM;
}

std::unique_ptr<stage_backend> make_cpu_stages(thread_pool& pool) { return std::make_unique<cpu_stages>(pool); }

}  // namespace cheeger::iso
