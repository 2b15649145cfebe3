using Cheeger.Clustering.Data;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric.SpanningTrees;

/// <summary>
/// Plain Borůvka (spec §6.1): O(log n) rounds, in each of which every vertex finds its least edge out of its
/// component by scanning all the points (O(n²D) a round, the vertices split over a <see cref="WorkerPool"/>), then
/// the components merge (<see cref="BoruvkaComponents"/>); Prim's order is recovered on the tree, so the result
/// equals <see cref="PrimTreeBuilder"/>'s bit for bit. A vertex's report stays its least outgoing edge while the far
/// end is still outside its growing component (the set it is the least of only shrinks), so it scans only then.
/// </summary>
internal sealed class BruteForceBoruvka : IChunkWork
{
    private const int VerticesPerChunk = 64;

    private readonly Dataset _data;
    private readonly BoruvkaComponents _components;

    private BruteForceBoruvka(Dataset data)
    {
        _data = data;
        _components = new BoruvkaComponents(data.Count);
        Array.Fill(_components.BestOther, -1);
    }

    /// <summary>The minimum spanning tree of <paramref name="data"/>, rooted at vertex 0 in Prim's order; each round is reported to <paramref name="progress"/>.</summary>
    public static SpanningTree Build(Dataset data, WorkerPool pool, CancellationToken cancellation, IProgress<IsoperimetricProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pool);
        var run = new BruteForceBoruvka(data);
        int chunks = (data.Count + VerticesPerChunk - 1) / VerticesPerChunk;
        while (run._components.Count > 1)
        {
            cancellation.ThrowIfCancellationRequested();
            pool.Run(run, chunks);
            run._components.Merge(pool);
            SpanningTreeProgress.Round(progress, run._components.Count, data.Count);
        }
        return PrimOrderOnTree.Build(data.Count, run._components.Edges);
    }

    /// <inheritdoc/>
    public void Execute(int chunk)
    {
        int end = Math.Min(_data.Count, (chunk + 1) * VerticesPerChunk);
        for (int v = chunk * VerticesPerChunk; v < end; v++) LeastOutgoing(v);
    }

    private void LeastOutgoing(int v)
    {
        var c = _components;
        int component = c.Component[v];
        if (c.BestOther[v] >= 0 && c.Component[c.BestOther[v]] != component) return;    // still the least
        var row = _data.Row(v);
        double best = double.PositiveInfinity;
        int other = -1;
        for (int u = 0; u < _data.Count; u++)
        {
            if (c.Component[u] == component) continue;
            double d2 = SquaredDistance.Between(row, _data.Row(u));
            if (other < 0 || EdgeOrder.Precedes(d2, v, u, best, v, other))
            {
                best = d2;
                other = u;
            }
        }
        c.BestLength[v] = best;
        c.BestOther[v] = other;
    }
}
