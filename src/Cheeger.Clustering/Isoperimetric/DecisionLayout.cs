namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The decision procedure of spec §4.2 in pull form over a renumbering of the tree's vertices ("positions") in which
/// every vertex's children are contiguous and in sibling order: the decision input gathered by position, the arrays
/// of one decision, and the two sweeps over ranges of positions. A vertex pulls its children's contributions in
/// sibling order, so every vertex sums exactly as §4.2 does, whatever order the ranges are swept in, as long as every
/// child is closed before its parent and every parent is represented before its children. The deciders differ only
/// in the renumbering and in how they split the ranges over the workers.
/// </summary>
internal sealed class DecisionLayout
{
    private readonly int[] _firstChild;     // children of position p: [_firstChild[p], _childEnd[p])
    private readonly int[] _childEnd;
    private readonly double[] _flow;
    private readonly double[] _weight;
    private readonly double[] _potential;
    private readonly double[] _val;
    private readonly bool[] _good;
    private readonly bool[] _joined;            // the root's entry stays false; every other entry is written per close
    private readonly int[] _rep;

    /// <summary>
    /// The layout of <paramref name="tree"/> with <paramref name="vertexAt"/> the vertex at each position, the
    /// parent's position of each (−1 for the root) and each position's children as a range of positions.
    /// </summary>
    public DecisionLayout(WeightedTree tree, int[] vertexAt, int[] parentAt, int[] firstChild, int[] childEnd)
    {
        int n = tree.Count;
        VertexAt = vertexAt;
        ParentAt = parentAt;
        _firstChild = firstChild;
        _childEnd = childEnd;
        _flow = new double[n];
        _weight = new double[n];
        _potential = new double[n];
        for (int p = 0; p < n; p++)
        {
            int v = vertexAt[p];
            _flow[p] = tree.ParentFlow[v];
            _weight[p] = tree.VertexWeight[v];
            _potential[p] = tree.Potential[v];
        }
        _val = new double[n];
        _good = new bool[n];
        _joined = new bool[n];
        _rep = new int[n];
    }

    /// <summary>The vertex at each position.</summary>
    public int[] VertexAt { get; }

    /// <summary>The position of each position's parent; −1 for the root.</summary>
    public int[] ParentAt { get; }

    /// <summary>
    /// The closing test (spec §4.2 lines 2–10) of positions end−1 down to begin, each after pulling its children's
    /// contributions in sibling order; the children of every position in the range must be closed already or lie in
    /// the range after it. Returns the number of good positions in the range.
    /// </summary>
    public int Close(int begin, int end, double epsilon, bool strict)
    {
        int count = 0;
        for (int p = end - 1; p >= begin; p--)
        {
            double acc = _potential[p] - epsilon * _weight[p];
            for (int c = _firstChild[p]; c < _childEnd[p]; c++)
            {
                bool join = !_good[c] && _val[c] < _flow[c];
                _joined[c] = join;
                acc += join ? _val[c] : _flow[c];
            }
            _val[p] = acc;
            double total = acc + _flow[p];
            bool good = strict ? total < 0 : total <= 0;
            _good[p] = good;
            if (good) count++;
        }
        return count;
    }

    /// <summary>rep of positions begin..end−1 (spec §4.2 line 12); their parents' must be final or lie before them in the range.</summary>
    public void Represent(int begin, int end)
    {
        for (int p = begin; p < end; p++) _rep[p] = _joined[p] ? _rep[ParentAt[p]] : p;
    }

    /// <summary>The last decision (closed and represented everywhere) by vertex.</summary>
    public TreeDecision ToDecision(double epsilon, bool strict, int count)
    {
        int n = VertexAt.Length;
        var val = new double[n];
        var good = new bool[n];
        var joined = new bool[n];
        var rep = new int[n];
        for (int p = 0; p < n; p++)
        {
            int v = VertexAt[p];
            val[v] = _val[p];
            good[v] = _good[p];
            joined[v] = _joined[p];
            rep[v] = VertexAt[_rep[p]];
        }
        return new TreeDecision { Epsilon = epsilon, Strict = strict, Value = val, Good = good, Joined = joined, Representative = rep, Count = count };
    }
}
