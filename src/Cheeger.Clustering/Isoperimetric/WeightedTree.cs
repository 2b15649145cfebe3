namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// A rooted tree with flows, vertex weights and potentials: everything the decision procedure and the ε search
/// read (spec §4.1). Built once per run, before any decision; never changed afterwards.
/// </summary>
/// <remarks>
/// Besides the five arrays of §4.1 (parent, parent flow, weight, potential, child flow) it holds the orders
/// the procedures walk: an order with parents before children, the children of each vertex in sibling
/// order (CSR), and the levels (vertices grouped by depth, stable in that order, spec §6.1).
/// </remarks>
public sealed class WeightedTree
{
    private (int[] Start, int[] Vertices)? _levels;    // made on first use: only the level-by-level device decider reads them

    private WeightedTree(int[] parent, int[] siblingRank, int[] order, int[] depth, int[] childStart, int[] children,
        double[] parentFlow, double[] vertexWeight, double[] potential)
    {
        int n = parent.Length;
        Parent = parent;
        SiblingRank = siblingRank;
        Order = order;
        Depth = depth;
        ParentFlow = parentFlow;
        VertexWeight = vertexWeight;
        Potential = potential;
        Root = order[0];
        ChildStart = childStart;
        Children = children;

        ChildFlow = new double[n];
        for (int v = 0; v < n; v++)
        {
            double sum = 0;
            for (int i = ChildStart[v]; i < ChildStart[v + 1]; i++) sum += parentFlow[Children[i]];
            ChildFlow[v] = sum;
        }

        MaxDepth = 0;
        foreach (int d in depth) MaxDepth = Math.Max(MaxDepth, d);
    }

    /// <summary>Number of vertices.</summary>
    public int Count => Parent.Length;

    /// <summary>The root (the one vertex whose parent is −1).</summary>
    public int Root { get; }

    /// <summary>Parent of each vertex; −1 for the root.</summary>
    public int[] Parent { get; }

    /// <summary>Rank of each vertex among its parent's children (0, 1, …); 0 for the root.</summary>
    public int[] SiblingRank { get; }

    /// <summary>Depth of each vertex (root 0).</summary>
    public int[] Depth { get; }

    /// <summary>All vertices, every parent before its children (Prim's insertion order for a data tree).</summary>
    public int[] Order { get; }

    /// <summary>pflow(v) = φ(v, par v) > 0; 0 for the root.</summary>
    public double[] ParentFlow { get; }

    /// <summary>childflow(v) = Σ pflow(c) over the children c of v, in sibling order.</summary>
    public double[] ChildFlow { get; }

    /// <summary>ω(v) > 0.</summary>
    public double[] VertexWeight { get; }

    /// <summary>ψ(v) ≥ 0.</summary>
    public double[] Potential { get; }

    /// <summary>The children of v are <c>Children[ChildStart[v] .. ChildStart[v + 1])</c>, in sibling order.</summary>
    public int[] ChildStart { get; }

    /// <summary>Children of every vertex, grouped by parent, each group in sibling order.</summary>
    public int[] Children { get; }

    /// <summary>The largest depth.</summary>
    public int MaxDepth { get; }

    /// <summary>The vertices of depth L are <c>LevelVertices[LevelStart[L] .. LevelStart[L + 1])</c>.</summary>
    public int[] LevelStart => (_levels ??= Levels()).Start;

    /// <summary>Vertices grouped by depth, each level in the order of <see cref="Order"/>.</summary>
    public int[] LevelVertices => (_levels ??= Levels()).Vertices;

    /// <summary>The children of <paramref name="v"/> in sibling order.</summary>
    public ReadOnlySpan<int> ChildrenOf(int v) => Children.AsSpan(ChildStart[v], ChildStart[v + 1] - ChildStart[v]);

    /// <summary>cost({v}) = (pflow(v) + childflow(v) + ψ(v)) / ω(v), the cost of a singleton (spec §5.1).</summary>
    public double SingletonCost(int v) => (ParentFlow[v] + ChildFlow[v] + Potential[v]) / VertexWeight[v];

    /// <summary>
    /// Builds the tree from a spanning tree of the data (its parents, sibling ranks and insertion order) and the
    /// vertex functions of spec §2.3–2.5. The arrays are taken over, not copied.
    /// </summary>
    public static WeightedTree FromSpanningTree(SpanningTree tree, double[] parentFlow, double[] vertexWeight, double[] potential)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return Create(tree.Parent, parentFlow, vertexWeight, potential, tree.SiblingRank, tree.Order);
    }

    /// <summary>
    /// Builds a tree from parents and vertex functions. <paramref name="siblingRank"/> orders each vertex's
    /// children (null: by increasing vertex index); <paramref name="order"/> must list parents before children
    /// (null: breadth first from the root, children in sibling order). The arrays are taken over, not copied.
    /// </summary>
    /// <exception cref="ArgumentException">the arrays do not describe one rooted tree with positive flows and weights and nonnegative potentials.</exception>
    public static WeightedTree Create(int[] parent, double[] parentFlow, double[] vertexWeight, double[] potential,
        int[]? siblingRank = null, int[]? order = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(parentFlow);
        ArgumentNullException.ThrowIfNull(vertexWeight);
        ArgumentNullException.ThrowIfNull(potential);
        int n = parent.Length;
        if (n == 0) throw new ArgumentException("A tree needs at least one vertex.", nameof(parent));
        if (parentFlow.Length != n || vertexWeight.Length != n || potential.Length != n)
            throw new ArgumentException($"Flow, weight and potential need one value per vertex (n = {n}).");

        int root = -1;
        var childCount = new int[n];
        for (int v = 0; v < n; v++)
        {
            int p = parent[v];
            if (p == -1)
            {
                if (root >= 0) throw new ArgumentException($"Vertices {root} and {v} both have no parent.", nameof(parent));
                root = v;
            }
            else if (p < 0 || p >= n || p == v)
            {
                throw new ArgumentException($"Vertex {v} has an invalid parent {p}.", nameof(parent));
            }
            else
            {
                childCount[p]++;
            }
        }
        if (root < 0) throw new ArgumentException("No vertex is the root (parent −1).", nameof(parent));

        siblingRank ??= RankChildrenByIndex(parent);
        if (siblingRank.Length != n) throw new ArgumentException("One sibling rank per vertex is needed.", nameof(siblingRank));
        var (childStart, children) = ChildrenInSiblingOrder(parent, siblingRank, childCount);
        for (int v = 0; v < n; v++)
        {
            if (!(parentFlow[v] > 0 && double.IsFinite(parentFlow[v])) && v != root)
                throw new ArgumentException($"Vertex {v}: the flow on its parent edge must be positive and finite (got {parentFlow[v]}).", nameof(parentFlow));
            if (!(vertexWeight[v] > 0 && double.IsFinite(vertexWeight[v])))
                throw new ArgumentException($"Vertex {v}: the weight must be positive and finite (got {vertexWeight[v]}).", nameof(vertexWeight));
            if (!(potential[v] >= 0 && double.IsFinite(potential[v])))
                throw new ArgumentException($"Vertex {v}: the potential must be finite and ≥ 0 (got {potential[v]}).", nameof(potential));
        }
        if (parentFlow[root] != 0) throw new ArgumentException("The root has no parent edge; its flow must be 0.", nameof(parentFlow));

        var depth = new int[n];
        if (order is null)
        {
            order = BreadthFirstOrder(childStart, children, root);
        }
        if (order.Length != n || order[0] != root)
            throw new ArgumentException("The order must list every vertex once, starting at the root.", nameof(order));
        var placed = new bool[n];
        placed[root] = true;
        for (int t = 1; t < n; t++)
        {
            int v = order[t];
            if (v < 0 || v >= n || placed[v] || !placed[parent[v]])
                throw new ArgumentException($"The order must list every vertex once, parents before children (position {t}, vertex {v}).", nameof(order));
            placed[v] = true;
            depth[v] = depth[parent[v]] + 1;
        }
        return new WeightedTree(parent, siblingRank, order, depth, childStart, children, parentFlow, vertexWeight, potential);
    }

    /// <summary>Levels: a counting sort by depth, stable in <see cref="Order"/>.</summary>
    private (int[] Start, int[] Vertices) Levels()
    {
        var start = new int[MaxDepth + 2];
        foreach (int d in Depth) start[d + 1]++;
        for (int d = 0; d <= MaxDepth; d++) start[d + 1] += start[d];
        var vertices = new int[Count];
        var next = start[..^1];
        foreach (int v in Order) vertices[next[Depth[v]]++] = v;
        return (start, vertices);
    }

    private static int[] RankChildrenByIndex(int[] parent)
    {
        var next = new int[parent.Length];
        var rank = new int[parent.Length];
        for (int v = 0; v < parent.Length; v++)
        {
            if (parent[v] >= 0 && parent[v] < parent.Length) rank[v] = next[parent[v]]++;
        }
        return rank;
    }

    /// <summary>
    /// The children of every vertex in sibling order (CSR: a counting sort by parent, each child placed at its rank);
    /// each parent's children own consecutive slots, one per rank, so a rank out of range or a slot taken twice is refused.
    /// </summary>
    private static (int[] Start, int[] Children) ChildrenInSiblingOrder(int[] parent, int[] siblingRank, int[] childCount)
    {
        int n = parent.Length;
        var start = new int[n + 1];
        for (int v = 0; v < n; v++) start[v + 1] = start[v] + childCount[v];
        var children = new int[Math.Max(n - 1, 0)];
        Array.Fill(children, -1);
        for (int v = 0; v < n; v++)
        {
            int p = parent[v], r = siblingRank[v];
            if (p < 0) continue;
            if (r < 0 || r >= childCount[p] || children[start[p] + r] >= 0)
                throw new ArgumentException($"Vertex {v} has sibling rank {r}; the ranks of each parent's children must be 0, 1, … without repeats.", nameof(siblingRank));
            children[start[p] + r] = v;
        }
        return (start, children);
    }

    private static int[] BreadthFirstOrder(int[] start, int[] children, int root)
    {
        int n = start.Length - 1;
        var order = new int[n];
        int head = 0, tail = 0;
        order[tail++] = root;
        while (head < tail)
        {
            int v = order[head++];
            for (int i = start[v]; i < start[v + 1]; i++) order[tail++] = children[i];
        }
        if (tail != n) throw new ArgumentException("The parent array has a cycle: not every vertex is reachable from the root.", "parent");
        return order;
    }
}
