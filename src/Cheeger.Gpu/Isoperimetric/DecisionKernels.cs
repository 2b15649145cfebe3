using ILGPU;

namespace Cheeger.Gpu.Isoperimetric;

/// <summary>
/// The device code of the decision procedure (spec §4.2) in the level/pull form of §6.3, the labels of §7.1
/// and the nearest fill of §7.2. The tree is the <c>WeightedTree</c>'s own layout, by vertex: the levels
/// (<c>LevelStart</c>, <c>LevelVertices</c>) and the children in sibling order (<c>ChildStart</c>, <c>Children</c>).
/// </summary>
/// <remarks>
/// ILGPU has no grid-wide barrier, so a level that needs the whole grid is one launch; a run of narrow levels
/// (none wider than a group) is one launch of a single group that walks them with a group barrier between
/// levels. Either way a vertex adds its children's contributions in sibling order, the serial summation order,
/// with rounded arithmetic: the same bits as the reference.
/// </remarks>
internal static class DecisionKernels
{
    /// <summary>
    /// Levels <paramref name="deepest"/> down to <paramref name="shallowest"/>: for each vertex v of a level,
    /// val(v) = ψ(v) − ε·ω(v) + Σ_children (joined ? val(c) : pflow(c)), joined(c) = ¬good(c) ∧ val(c) &lt; pflow(c),
    /// good(v) = val(v) + pflow(v) ≤ 0 (&lt; 0 when strict). Flags are 0/1 ints.
    /// </summary>
    public static void Close<TArithmetic>(ArrayView<int> levelStart, ArrayView<int> levelVertices,
        ArrayView<int> childStart, ArrayView<int> children, ArrayView<double> flow, ArrayView<double> weight,
        ArrayView<double> potential, ArrayView<double> value, ArrayView<int> good, ArrayView<int> joined,
        int deepest, int shallowest, double epsilon, int strict)
        where TArithmetic : struct, IDeviceArithmetic
    {
        var arithmetic = default(TArithmetic);
        int first = Grid.GlobalIndex.X;
        int stride = Grid.DimX * Group.DimX;
        for (int level = deepest; level >= shallowest; level--)
        {
            int end = levelStart[level + 1];
            for (int i = levelStart[level] + first; i < end; i += stride)
            {
                int v = levelVertices[i];
                double acc = arithmetic.Add(potential[v], -arithmetic.Multiply(epsilon, weight[v]));
                for (int k = childStart[v]; k < childStart[v + 1]; k++)
                {
                    int c = children[k];
                    double childValue = value[c], childFlow = flow[c];
                    bool join = good[c] == 0 && childValue < childFlow;
                    joined[c] = join ? 1 : 0;
                    acc = arithmetic.Add(acc, join ? childValue : childFlow);
                }
                value[v] = acc;
                double total = arithmetic.Add(acc, flow[v]);     // the set closed at v (root: + 0)
                good[v] = (strict != 0 ? total < 0 : total <= 0) ? 1 : 0;
            }
            Group.Barrier();    // the level above reads this one (within a single-group launch)
        }
    }

    /// <summary>rep(v) = joined(v) ? rep(par v) : v, levels <paramref name="shallowest"/> to <paramref name="deepest"/> (spec §4.2 line 12).</summary>
    public static void Represent(ArrayView<int> levelStart, ArrayView<int> levelVertices, ArrayView<int> parent,
        ArrayView<int> joined, ArrayView<int> representative, int shallowest, int deepest)
    {
        int first = Grid.GlobalIndex.X;
        int stride = Grid.DimX * Group.DimX;
        for (int level = shallowest; level <= deepest; level++)
        {
            int end = levelStart[level + 1];
            for (int i = levelStart[level] + first; i < end; i += stride)
            {
                int v = levelVertices[i];
                representative[v] = joined[v] != 0 ? representative[parent[v]] : v;
            }
            Group.Barrier();
        }
    }

    /// <summary>label(v) = scan(rep v) when rep v is a selected top, else −1 (spec §7.1; scan: the exclusive prefix sum of the selection).</summary>
    public static void Label(Index1D v, ArrayView<int> representative, ArrayView<int> selected, ArrayView<int> scan,
        ArrayView<int> labels)
    {
        int top = representative[v];
        labels[v] = selected[top] != 0 ? scan[top] : -1;
    }

    /// <summary>
    /// One thread per outlier: full[v] = the label of the nearest labelled point (d² in dimension order, ties to
    /// the smallest index), as spec §7.2; points are structure of arrays.
    /// </summary>
    public static void NearestFill<TArithmetic>(Index1D o, ArrayView<double> points, int n, int d,
        ArrayView<int> labels, ArrayView<int> outliers, ArrayView<int> full)
        where TArithmetic : struct, IDeviceArithmetic
    {
        int v = outliers[o];
        int nearest = -1;
        double best = 0;
        for (int u = 0; u < n; u++)
        {
            if (labels[u] < 0) continue;
            double d2 = BoruvkaKernels.SquaredDistance<TArithmetic>(points, n, d, u, v);
            if (nearest < 0 || d2 < best)
            {
                best = d2;
                nearest = u;
            }
        }
        full[v] = labels[nearest];
    }
}
