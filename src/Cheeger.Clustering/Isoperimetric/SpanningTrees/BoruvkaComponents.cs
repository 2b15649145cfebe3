namespace Cheeger.Clustering.Isoperimetric.SpanningTrees;

/// <summary>
/// The bookkeeping half of a Borůvka round (spec §6.1), shared by <see cref="BruteForceBoruvka"/> and
/// <see cref="KdTreeBoruvka"/>: given each vertex's least edge out of its component, every component takes the
/// least of its vertices' edges, hooks onto the component at the other end, and the components are relabelled to
/// the roots of the hook forest. Only how the least edges are found differs between the two.
/// </summary>
internal sealed class BoruvkaComponents
{
    private readonly int[] _componentBest;  // by root: the vertex whose edge is the component's least
    private readonly int[] _hookedTo;       // by root: the component it joins this round (itself: none)

    /// <summary>n singleton components and no edges.</summary>
    public BoruvkaComponents(int n)
    {
        Component = new int[n];
        BestLength = new double[n];
        BestOther = new int[n];
        _componentBest = new int[n];
        _hookedTo = new int[n];
        Edges = new TreeEdges(n);
        for (int v = 0; v < n; v++) Component[v] = v;
        Count = n;
    }

    /// <summary>The component (its root vertex) of each vertex.</summary>
    public int[] Component { get; }

    /// <summary>d² of each vertex's least edge out of its component, as the round's search found it.</summary>
    public double[] BestLength { get; }

    /// <summary>That edge's other end; −1 when the vertex reports none.</summary>
    public int[] BestOther { get; }

    /// <summary>The tree edges found so far.</summary>
    public TreeEdges Edges { get; }

    /// <summary>Number of components left.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// One round's hooks from <see cref="BestLength"/>/<see cref="BestOther"/> (every component needs a vertex that
    /// reports an edge): adds the hooked edges, relabels <see cref="Component"/>. Under the strict edge order every
    /// component's least edge is an MST edge and the hooks form no cycle but a mutual pair, of which the smaller root stays.
    /// </summary>
    public void Merge()
    {
        int n = Component.Length;
        Array.Fill(_componentBest, -1);
        for (int v = 0; v < n; v++)
        {
            if (BestOther[v] < 0) continue;
            ref int best = ref _componentBest[Component[v]];
            if (best < 0 || EdgeOrder.Precedes(BestLength[v], v, BestOther[v], BestLength[best], best, BestOther[best])) best = v;
        }

        for (int root = 0; root < n; root++)
        {
            _hookedTo[root] = root;
            if (Component[root] != root) continue;
            int v = _componentBest[root];
            if (v < 0) throw new InvalidOperationException($"Borůvka: component {root} found no edge out of it.");
            int u = BestOther[v];
            int target = Component[u];
            bool mutual = Component[BestOther[_componentBest[target]]] == root;
            if (mutual && root < target) continue;      // the pair's smaller root stays; the other adds the edge
            _hookedTo[root] = target;
            Edges.Add(v, u, BestLength[v]);
            Count--;
        }

        // Every root to the top of its hook chain (halving the chains as it goes), then every vertex to its root's top.
        for (int root = 0; root < n; root++)
        {
            if (Component[root] != root) continue;
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
        for (int v = 0; v < n; v++) Component[v] = _hookedTo[Component[v]];
    }
}
