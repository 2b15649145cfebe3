using Cheeger.Clustering.Threading;

namespace Cheeger.Clustering.Isoperimetric.SpanningTrees;

/// <summary>
/// The bookkeeping half of a Borůvka round (spec §6.1), shared by <see cref="BruteForceBoruvka"/> and
/// <see cref="KdTreeBoruvka"/>: given each element's least edge out of its component, every component takes the
/// least of its elements' edges, hooks onto the component at the other end, and the components are relabelled to
/// the roots of the hook forest. Only how the least edges are found differs between the two.
/// </summary>
/// <remarks>
/// The elements are the vertices, or any renumbering of them (the kd-tree Borůvka works on tree positions, so that
/// a component's arrays are read where its points lie); the edge order compares the vertices themselves, through
/// the renumbering's vertex of each element. The passes over all elements run on the worker pool; only the walk
/// over the roots, which adds the edges in increasing root order, is serial, so every worker count gives the same
/// components, roots and edges.
/// </remarks>
internal sealed class BoruvkaComponents
{
    private const int ElementsPerChunk = 4096;

    private readonly int[]? _vertexOf;      // by element: its vertex (null: the element is the vertex)
    private readonly int[] _componentBest;  // by root: the element whose edge is the component's least
    private readonly int[] _hookedTo;       // by root: the component it joins this round (itself: none)
    private readonly int[] _roots;          // the roots, increasing; the first Count are this round's
    private readonly ParallelRange _clearBest;
    private readonly ParallelRange _offerBest;
    private readonly ParallelRange _hook;
    private readonly ParallelRange _relabel;

    /// <summary>n singleton components and no edges; <paramref name="vertexOf"/> maps elements to vertices (null: the identity).</summary>
    public BoruvkaComponents(int n, int[]? vertexOf = null)
    {
        _vertexOf = vertexOf;
        Component = new int[n];
        BestLength = new double[n];
        BestOther = new int[n];
        _componentBest = new int[n];
        _hookedTo = new int[n];
        _roots = new int[n];
        Edges = new TreeEdges(n);
        for (int v = 0; v < n; v++)
        {
            Component[v] = v;
            _roots[v] = v;
        }
        Count = n;
        _clearBest = new ParallelRange(ClearBest, ElementsPerChunk);
        _offerBest = new ParallelRange(OfferBest, ElementsPerChunk);
        _hook = new ParallelRange(Hook, ElementsPerChunk);
        _relabel = new ParallelRange(Relabel, ElementsPerChunk);
    }

    /// <summary>The component (its root element) of each element.</summary>
    public int[] Component { get; }

    /// <summary>d² of each element's least edge out of its component, as the round's search found it.</summary>
    public double[] BestLength { get; }

    /// <summary>That edge's other end (an element); −1 when the element reports none.</summary>
    public int[] BestOther { get; }

    /// <summary>The tree edges found so far, between elements.</summary>
    public TreeEdges Edges { get; }

    /// <summary>Number of components left.</summary>
    public int Count { get; private set; }

    /// <summary>The roots of the components, in increasing order.</summary>
    public ReadOnlySpan<int> Roots => _roots.AsSpan(0, Count);

    /// <summary>
    /// One round's hooks from <see cref="BestLength"/>/<see cref="BestOther"/> (every component needs an element that
    /// reports an edge): adds the hooked edges, relabels <see cref="Component"/>. Under the strict edge order every
    /// component's least edge is an MST edge and the hooks form no cycle but a mutual pair, of which the smaller root stays.
    /// </summary>
    public void Merge(WorkerPool pool)
    {
        int n = Component.Length, roots = Count;
        _clearBest.Run(pool, roots);
        _offerBest.Run(pool, n);
        _hook.Run(pool, roots);

        // Serial, over the roots only: the edges in increasing root order, every root to the top of its hook chain
        // (halving the chains as it goes), and the roots that stay.
        int kept = 0;
        for (int i = 0; i < roots; i++)
        {
            int root = _roots[i];
            if (_hookedTo[root] == root)
            {
                _roots[kept++] = root;
                continue;
            }
            int v = _componentBest[root];
            Edges.Add(v, BestOther[v], BestLength[v]);
            int top = root;
            while (_hookedTo[top] != top) top = _hookedTo[top];
            int walk = root;
            while (_hookedTo[walk] != top && walk != top)
            {
                int next = _hookedTo[walk];
                _hookedTo[walk] = top;
                walk = next;
            }
        }
        Count = kept;
        _relabel.Run(pool, n);
    }

    private void ClearBest(int begin, int end)
    {
        for (int i = begin; i < end; i++) _componentBest[_roots[i]] = -1;
    }

    /// <summary>Each element offers its edge to its component's least, kept by compare-and-swap: the least is unique, so the order of the offers does not matter.</summary>
    private void OfferBest(int begin, int end)
    {
        for (int v = begin; v < end; v++)
        {
            if (BestOther[v] < 0) continue;
            ref int best = ref _componentBest[Component[v]];
            int current = Volatile.Read(ref best);
            while (current < 0 || Precedes(v, current))
            {
                int seen = Interlocked.CompareExchange(ref best, v, current);
                if (seen == current) break;
                current = seen;
            }
        }
    }

    /// <summary>The hook of each root in [begin, end) of <see cref="Roots"/>: the component at the far end of its least edge, or itself.</summary>
    private void Hook(int begin, int end)
    {
        for (int i = begin; i < end; i++)
        {
            int root = _roots[i];
            _hookedTo[root] = root;
            int v = _componentBest[root];
            if (v < 0) throw new InvalidOperationException($"Borůvka: component {VertexOf(root)} found no edge out of it.");
            int target = Component[BestOther[v]];
            bool mutual = Component[BestOther[_componentBest[target]]] == root;
            if (mutual && root < target) continue;      // the pair's smaller root stays; the other adds the edge
            _hookedTo[root] = target;
        }
    }

    private void Relabel(int begin, int end)
    {
        for (int v = begin; v < end; v++) Component[v] = _hookedTo[Component[v]];
    }

    /// <summary>True when element a's reported edge precedes element b's under the edge order of their vertices.</summary>
    private bool Precedes(int a, int b) =>
        EdgeOrder.Precedes(BestLength[a], VertexOf(a), VertexOf(BestOther[a]), BestLength[b], VertexOf(b), VertexOf(BestOther[b]));

    private int VertexOf(int element) => _vertexOf is null ? element : _vertexOf[element];
}
