using Cheeger.Clustering.Data;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The "graph" vertex weight of spec §2.4: ω(v) = Σ_{u≠v} φ(u, v) over the complete graph, summed in
/// increasing u. O(n²D). Each vertex's sum is independent of the others, so workers split the vertices and
/// the result does not depend on their number.
/// </summary>
public static class GraphDegree
{
    /// <summary>The weighted degree of every point in the complete graph; 1 for a lone point.</summary>
    public static double[] Compute(Dataset data, FlowKernel kernel, double sigma, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var degree = new double[data.Count];
        for (int v = 0; v < data.Count; v++)
        {
            cancellation.ThrowIfCancellationRequested();
            degree[v] = DegreeOf(data, kernel, sigma, v);
        }
        return degree;
    }

    /// <summary>The same as <see cref="Compute(Dataset, FlowKernel, double, CancellationToken)"/>, split over the pool's workers.</summary>
    internal static double[] Compute(Dataset data, FlowKernel kernel, double sigma, WorkerPool pool, CancellationToken cancellation)
    {
        var degree = new double[data.Count];
        int n = data.Count;
        pool.Run(w =>
        {
            int begin = (int)((long)n * w / pool.Size), end = (int)((long)n * (w + 1) / pool.Size);
            for (int v = begin; v < end; v++)
            {
                if (cancellation.IsCancellationRequested) return;
                degree[v] = DegreeOf(data, kernel, sigma, v);
            }
        });
        cancellation.ThrowIfCancellationRequested();
        return degree;
    }

    private static double DegreeOf(Dataset data, FlowKernel kernel, double sigma, int v)
    {
        if (data.Count == 1) return 1;
        var row = data.Row(v);
        double sum = 0;
        for (int u = 0; u < data.Count; u++)
        {
            if (u != v) sum += FlowKernels.Flow(kernel, SquaredDistance.Between(data.Row(u), row), sigma);
        }
        return sum;
    }
}
