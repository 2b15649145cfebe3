namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// Keeps k sets of a packing (spec §4.5): the k closed sets of smallest cost, ties to the smaller top vertex;
/// the other closed sets become residual.
/// </summary>
public static class ClusterSelection
{
    /// <summary>
    /// cost(S) of every closed set, indexed by its top (NaN for vertices that are no top):
    /// (pflow(top) + Σ_{u∈S} (ψ(u) + Σ_{c∈ch(u), c∉S} pflow(c))) / Σ_{u∈S} ω(u), the sums over u in increasing
    /// vertex index and over c in sibling order.
    /// </summary>
    public static double[] ClosedSetCosts(WeightedTree tree, TreeDecision decision)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(decision);
        int n = tree.Count;
        var boundary = new double[n];
        var weight = new double[n];
        for (int v = 0; v < n; v++)
        {
            if (decision.Good[v]) boundary[v] = tree.ParentFlow[v];
        }
        for (int u = 0; u < n; u++)
        {
            int top = decision.Representative[u];
            if (!decision.Good[top]) continue;
            double local = tree.Potential[u];
            foreach (int c in tree.ChildrenOf(u))
            {
                if (!decision.Joined[c]) local += tree.ParentFlow[c];    // a child outside the set: its edge is boundary
            }
            boundary[top] += local;
            weight[top] += tree.VertexWeight[u];
        }
        var cost = new double[n];
        for (int v = 0; v < n; v++) cost[v] = decision.Good[v] ? boundary[v] / weight[v] : double.NaN;
        return cost;
    }

    /// <summary>Keeps the k cheapest closed sets of <paramref name="decision"/>, which must have at least k.</summary>
    public static SelectedClusters Select(WeightedTree tree, TreeDecision decision, int k)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Count < k)
            throw new ArgumentException($"The decision found {decision.Count} sets; {k} are needed.", nameof(decision));
        double[] cost = ClosedSetCosts(tree, decision);
        var tops = new List<int>(decision.Count);
        for (int v = 0; v < tree.Count; v++)
        {
            if (decision.Good[v]) tops.Add(v);
        }
        // Stable sort by cost keeps increasing top index among equal costs.
        int[] kept = [.. tops.OrderBy(v => cost[v]).Take(k).Order()];
        var selected = new bool[tree.Count];
        foreach (int v in kept) selected[v] = true;
        return new SelectedClusters { Tops = kept, Costs = [.. kept.Select(v => cost[v])], IsSelectedTop = selected };
    }
}
