namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The reference decision procedure, spec §4.2 as written: one bottom-up pass over the reverse of the order,
/// each vertex adding its children in sibling order, then one top-down pass for the representatives. O(n).
/// </summary>
public sealed class SerialTreeDecider(WeightedTree tree) : ITreeDecider
{
    /// <inheritdoc/>
    public WeightedTree Tree { get; } = tree ?? throw new ArgumentNullException(nameof(tree));

    /// <inheritdoc/>
    public int Count(double epsilon, bool strict = false) => Decide(epsilon, strict).Count;

    /// <inheritdoc/>
    public TreeDecision Decide(double epsilon, bool strict = false)
    {
        var t = Tree;
        int n = t.Count;
        var val = new double[n];
        var good = new bool[n];
        var joined = new bool[n];
        var rep = new int[n];

        for (int i = n - 1; i >= 0; i--)               // every child before its parent
        {
            int v = t.Order[i];
            double acc = t.Potential[v] - epsilon * t.VertexWeight[v];
            foreach (int c in t.ChildrenOf(v))          // increasing sibling rank
            {
                if (!good[c] && val[c] < t.ParentFlow[c])   // joining c is strictly cheaper than cutting it
                {
                    joined[c] = true;
                    acc += val[c];
                }
                else
                {
                    acc += t.ParentFlow[c];             // edge (c, v) lies on the boundary of v's set
                }
            }
            val[v] = acc;
            double total = acc + t.ParentFlow[v];       // the set closed here (root: + 0)
            good[v] = strict ? total < 0 : total <= 0;
        }

        int count = 0;
        foreach (int v in t.Order)                       // top-down
        {
            rep[v] = joined[v] ? rep[t.Parent[v]] : v;
            if (good[v]) count++;
        }
        return new TreeDecision { Epsilon = epsilon, Strict = strict, Value = val, Good = good, Joined = joined, Representative = rep, Count = count };
    }
}
