using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric.SpanningTrees;

/// <summary>
/// Borůvka whose least outgoing edges come from pruned kd-tree searches (about O(n log n) work for small D),
/// threaded over a <see cref="WorkerPool"/>; Prim's order is recovered on the tree (<see cref="PrimOrderOnTree"/>),
/// so the result equals <see cref="PrimTreeBuilder"/>'s bit for bit. The native core's kd-tree Borůvka
/// (native/src/iso/kdtree_boruvka_cpu.cpp) is the same algorithm.
/// </summary>
/// <remarks>
/// Why the least edges are exact. A vertex v's least outgoing edge under the edge order is the least (d², u) over
/// the vertices u outside its component (for a fixed v, (d², min, max) orders equal d² by u). Its component C
/// shares one bound, the least d² any of C's vertices has found this round: an actual edge out of C, so never below
/// the d² of C's least outgoing edge e. A node is skipped only when its lower bound is strictly above that shared
/// bound, or above v's own best (or equal to it with every index in the node larger), so the node holding e's far
/// end is never skipped in the search from e's near end: that vertex reports e, and the merge takes the least report
/// of C, which is e. A vertex whose search skipped a node for the shared bound alone may report an edge worse than
/// its own least (or none); that changes nothing above, but such a report is not kept. A report that was not cut
/// that way is the vertex's true least outgoing edge, and stays so in later rounds while its far end is still
/// outside the (growing) component; those vertices skip the search. For the same reason a lower bound on a vertex's
/// least outgoing d² holds in every later round; a vertex whose lower bound is strictly above its component's bound
/// cannot report the component's least edge, nor tie it, and skips too. Which searches run depends on how the
/// workers interleave; the edges found do not.
/// <para>
/// The rounds run on tree positions, not vertices (<see cref="BoruvkaComponents"/> over positions): a leaf's points
/// are neighbours in the arrays as in space, so the components, reports and bounds a search reads lie near each
/// other. The vertices come back only where the edge order needs them, to break a tie, and for the final tree.
/// </para>
/// </remarks>
internal sealed class KdTreeBoruvka
{
    /// <summary>Positions per chunk dealt to a worker.</summary>
    private const int PositionsPerChunk = 256;

    /// <summary>Deep enough for any tree of int positions: a median split halves a range, so the depth is at most 32, and a depth-first search keeps one pending sibling per level plus the node it is in.</summary>
    private const int SearchStackDepth = 72;

    private readonly KdTree _tree;
    private readonly BoruvkaComponents _components;     // over tree positions
    private readonly int[] _nodeComponent;      // by node: the component of all its points, −1 when they span several
    private readonly double[] _componentBound;  // by component root: the least d² any of its positions found this round
    private readonly bool[] _exact;             // by position: its report is its true least outgoing edge
    private readonly double[] _leastLength;     // by position: a lower bound on its least outgoing d²
    private readonly ParallelRange _resetBounds;
    private readonly ParallelRange _keepReports;
    private readonly ParallelRange _search;

    private KdTreeBoruvka(Dataset data, WorkerPool pool)
    {
        int n = data.Count;
        _tree = KdTree.Build(data, pool);
        _components = new BoruvkaComponents(n, _tree.VertexAt);
        _nodeComponent = new int[_tree.NodeCount];
        _componentBound = new double[n];
        _exact = new bool[n];
        _leastLength = new double[n];
        _resetBounds = new ParallelRange(ResetBounds, 4096);
        _keepReports = new ParallelRange(KeepReports, PositionsPerChunk);
        _search = new ParallelRange(SearchWhereNeeded, PositionsPerChunk);
    }

    /// <summary>The minimum spanning tree of <paramref name="data"/>, rooted at vertex 0 in Prim's order; each round is reported to <paramref name="progress"/>.</summary>
    public static SpanningTree Build(Dataset data, WorkerPool pool, CancellationToken cancellation, IProgress<IsoperimetricProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pool);
        int n = data.Count;
        var run = new KdTreeBoruvka(data, pool);
        while (run._components.Count > 1)
        {
            cancellation.ThrowIfCancellationRequested();
            run.LabelNodes();
            run._resetBounds.Run(pool, run._components.Count);
            // First the reports that still hold, so that every component's bound is as low as they make it before
            // any search starts; then the searches, except from positions whose least edge is known to be longer.
            run._keepReports.Run(pool, n);
            run._search.Run(pool, n);
            run._components.Merge(pool);
            SpanningTreeProgress.Round(progress, run._components.Count, data.Count);
        }
        return PrimOrderOnTree.Build(n, run._components.Edges, run._tree.VertexAt);
    }

    /// <summary>Each node's component when all its points share one.</summary>
    private void LabelNodes()
    {
        var component = _components.Component;
        for (int node = _tree.NodeCount - 1; node >= 0; node--)
        {
            int child = _tree.FirstChild[node];
            int label;
            if (child < 0)
            {
                int first = _tree.Begin[node], last = _tree.End[node];
                label = component[first];
                for (int p = first + 1; p < last && label >= 0; p++)
                {
                    if (component[p] != label) label = -1;
                }
            }
            else
            {
                int left = _nodeComponent[child], right = _nodeComponent[child + 1];
                label = left == right ? left : -1;
            }
            _nodeComponent[node] = label;
        }
    }

    private void ResetBounds(int begin, int end)
    {
        var roots = _components.Roots;
        for (int i = begin; i < end; i++) _componentBound[roots[i]] = double.PositiveInfinity;
    }

    /// <summary>Keeps the reports that still leave their component, and lowers the components' bounds to them.</summary>
    private void KeepReports(int begin, int end)
    {
        var c = _components;
        for (int p = begin; p < end; p++)
        {
            int component = c.Component[p];
            if (_exact[p] && c.Component[c.BestOther[p]] != component) LowerTo(ref _componentBound[component], c.BestLength[p]);
            else _exact[p] = false;
        }
    }

    /// <summary>Searches from each position unless its report holds or its least edge is known to be longer than its component's bound.</summary>
    private void SearchWhereNeeded(int begin, int end)
    {
        var c = _components;
        for (int p = begin; p < end; p++)
        {
            if (_exact[p]) continue;
            if (_leastLength[p] > Volatile.Read(ref _componentBound[c.Component[p]]))
            {
                c.BestOther[p] = -1;     // it cannot be the component's least edge, nor tie it
                continue;
            }
            SearchFrom(p);
        }
    }

    /// <summary>The least outgoing edge of tree position <paramref name="position"/> (see the remarks).</summary>
    /// <remarks>
    /// The search starts at the position's own leaf (or at the largest node above it wholly in the component, which it
    /// skips) and then takes the sibling of every node on the path up to the root, deepest first, each searched nearer
    /// child first: the order of a nearest-first descent from the root, without the descent's bounds and stack entries
    /// for the path itself (its boxes hold the query: bound 0). The ascent stops as soon as the least bound of the
    /// siblings still above rules them all out, which is where a search usually ends.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]  // called n times a round: no slow first tier
    private void SearchFrom(int position)
    {
        var tree = _tree;
        int d = tree.Dimension;
        int component = _components.Component[position];
        // Unchecked references into the tree's arrays: every index below comes from the tree itself.
        ref double coordinates = ref MemoryMarshal.GetArrayDataReference(tree.Coordinates);
        ref double low = ref MemoryMarshal.GetArrayDataReference(tree.Low);
        ref double high = ref MemoryMarshal.GetArrayDataReference(tree.High);
        ref int firstChild = ref MemoryMarshal.GetArrayDataReference(tree.FirstChild);
        ref int leastVertex = ref MemoryMarshal.GetArrayDataReference(tree.LeastVertex);
        ref int nodeComponent = ref MemoryMarshal.GetArrayDataReference(_nodeComponent);
        ref double q = ref Unsafe.Add(ref coordinates, position * d);
        ref double shared = ref _componentBound[component];
        double best = double.PositiveInfinity;
        int other = -1;             // the vertex at the far end of the best edge so far
        int otherPosition = -1;     // and its position
        bool cut = false;
        double leastCut = double.PositiveInfinity;     // the least lower bound of a node skipped for the shared bound alone

        // The path from the root to the position's leaf, or to the first node on the way that lies in the component;
        // with the lower bound of each node's sibling off the path (none: a sibling wholly in the component) and the
        // least of those bounds from the root down to each level, a bound on every point the ascent has left to visit.
        Span<int> path = stackalloc int[SearchStackDepth];
        Span<double> siblingBound = stackalloc double[SearchStackDepth];
        Span<double> aboveBound = stackalloc double[SearchStackDepth];
        int depth = 0;
        double above = double.PositiveInfinity;
        for (int node = 0; ; )
        {
            path[depth++] = node;
            int child = Unsafe.Add(ref firstChild, node);
            if (child < 0 || Unsafe.Add(ref nodeComponent, node) == component) break;
            int next = position < tree.Begin[child + 1] ? child : child + 1;
            int sibling = next == child ? child + 1 : child;
            double bound = Unsafe.Add(ref nodeComponent, sibling) == component
                ? double.PositiveInfinity
                : KdTree.BoxLowerBound(ref q, ref Unsafe.Add(ref low, sibling * d), ref Unsafe.Add(ref high, sibling * d), d);
            siblingBound[depth - 1] = bound;
            above = Math.Min(above, bound);
            aboveBound[depth - 1] = above;
            node = next;
        }

        Span<PendingNode> stack = stackalloc PendingNode[SearchStackDepth];
        for (int level = depth - 1; level >= 0; level--)
        {
            int top = 0;
            if (level == depth - 1)
            {
                stack[top++] = new PendingNode(path[level], 0);
            }
            else
            {
                // Every point left lies in a sibling at this level or above: when their least bound already rules them
                // all out, the ascent stops (strictly above the best: none can tie it; or, setting cut, above the shared bound).
                double rest = aboveBound[level];
                if (other >= 0 && rest > best) break;
                if (rest > Volatile.Read(ref shared))
                {
                    cut = true;
                    leastCut = Math.Min(leastCut, rest);
                    break;
                }
                int child = Unsafe.Add(ref firstChild, path[level]);
                stack[top++] = new PendingNode(path[level + 1] == child ? child + 1 : child, siblingBound[level]);
            }
            while (top > 0)
            {
                var at = stack[--top];
                // Skipped: all its points in this component; or none can beat the search's best; or (setting cut) only
                // the component's shared bound says so.
                if (Unsafe.Add(ref nodeComponent, at.Node) == component) continue;
                if (other >= 0 && (at.LowerBound > best || (at.LowerBound == best && Unsafe.Add(ref leastVertex, at.Node) > other))) continue;
                if (at.LowerBound > Volatile.Read(ref shared))
                {
                    cut = true;
                    leastCut = Math.Min(leastCut, at.LowerBound);
                    continue;
                }
                int child = Unsafe.Add(ref firstChild, at.Node);
                if (child >= 0)
                {
                    double nearBound = KdTree.BoxLowerBound(ref q, ref Unsafe.Add(ref low, child * d), ref Unsafe.Add(ref high, child * d), d);
                    double farBound = KdTree.BoxLowerBound(ref q, ref Unsafe.Add(ref low, (child + 1) * d), ref Unsafe.Add(ref high, (child + 1) * d), d);
                    // The nearer child is searched first (pushed last), so the bound tightens before the farther one.
                    bool leftFirst = nearBound <= farBound;
                    stack[top++] = leftFirst ? new PendingNode(child + 1, farBound) : new PendingNode(child, nearBound);
                    stack[top++] = leftFirst ? new PendingNode(child, nearBound) : new PendingNode(child + 1, farBound);
                    continue;
                }
                var found = new LeastEdge(best, other, otherPosition);
                if (ScanLeaf(position, component, tree.Begin[at.Node], tree.End[at.Node], ref found))
                {
                    (best, other, otherPosition) = (found.SquaredLength, found.Vertex, found.Position);
                    LowerTo(ref shared, best);
                }
            }
        }
        _components.BestLength[position] = best;
        _components.BestOther[position] = otherPosition;
        _exact[position] = other >= 0 && !cut;
        // Every vertex outside the component lies in a searched leaf (at least best away) or in a skipped node:
        // those skipped for v's own best are no nearer than best either, the others no nearer than leastCut.
        _leastLength[position] = Math.Max(_leastLength[position], Math.Min(best, leastCut));
    }

    /// <summary>
    /// Offers the points at positions [begin, end) outside the component to the least edge from
    /// <paramref name="position"/> found so far; true when one of them is the new least. Its own method, so that the
    /// scan's few values stay in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private bool ScanLeaf(int position, int component, int begin, int end, ref LeastEdge least)
    {
        var tree = _tree;
        int d = tree.Dimension, vertex = tree.VertexAt[position];
        ref double coordinates = ref MemoryMarshal.GetArrayDataReference(tree.Coordinates);
        ref int componentAt = ref MemoryMarshal.GetArrayDataReference(_components.Component);
        ref int vertexAt = ref MemoryMarshal.GetArrayDataReference(tree.VertexAt);
        ref double q = ref Unsafe.Add(ref coordinates, position * d);
        double best = least.SquaredLength;
        int other = least.Vertex, at = least.Position;
        for (int p = begin; p < end; p++)
        {
            if (Unsafe.Add(ref componentAt, p) == component) continue;
            double d2 = SquaredDistance.Between(ref q, ref Unsafe.Add(ref coordinates, p * d), d);
            if (d2 > best) continue;
            int u = Unsafe.Add(ref vertexAt, p);
            if (other < 0 || EdgeOrder.Precedes(d2, vertex, u, best, vertex, other))
            {
                best = d2;
                other = u;
                at = p;
            }
        }
        if (at == least.Position) return false;
        least = new LeastEdge(best, other, at);
        return true;
    }

    /// <summary>An edge from the searched position: its d², its far end's vertex (−1: none yet) and position.</summary>
    private readonly record struct LeastEdge(double SquaredLength, int Vertex, int Position);

    /// <summary>Lowers <paramref name="bound"/> to <paramref name="value"/> when that is lower, atomically.</summary>
    private static void LowerTo(ref double bound, double value)
    {
        double current = Volatile.Read(ref bound);
        while (value < current)
        {
            double seen = Interlocked.CompareExchange(ref bound, value, current);
            if (seen == current) return;
            current = seen;
        }
    }

    /// <summary>A node waiting on the search stack with the lower bound of its box.</summary>
    private readonly record struct PendingNode(int Node, double LowerBound);
}
