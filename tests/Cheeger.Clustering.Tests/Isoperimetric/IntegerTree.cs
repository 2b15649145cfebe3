using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Clustering.Tests.Isoperimetric;

/// <summary>A small tree with integer flows, weights and potentials, so that every cost is an exact fraction.</summary>
internal sealed record IntegerTree(string Shape, int[] Parent, int[]? SiblingRank, long[] ParentFlow, long[] VertexWeight, long[] Potential)
{
    public int Count => Parent.Length;

    /// <summary>The same tree in doubles, with every value scaled: flows and potentials by <paramref name="flowScale"/>, weights by <paramref name="weightScale"/>.</summary>
    public WeightedTree ToWeightedTree(long flowScale = 1, long weightScale = 1) => WeightedTree.Create(
        (int[])Parent.Clone(),
        [.. ParentFlow.Select(f => (double)(f * flowScale))],
        [.. VertexWeight.Select(w => (double)(w * weightScale))],
        [.. Potential.Select(p => (double)(p * flowScale))],
        SiblingRank is null ? null : (int[])SiblingRank.Clone());

    public override string ToString() =>
        $"{Shape} n={Count} par=[{string.Join(",", Parent)}] pflow=[{string.Join(",", ParentFlow)}] w=[{string.Join(",", VertexWeight)}] psi=[{string.Join(",", Potential)}]";

    /// <summary>
    /// Random trees of the self-test's four shapes (random recursive, path, star, caterpillar) with shuffled
    /// vertex ids, random sibling orders, integer flows 1..9, weights that are the tree degree, 1 or random
    /// 1..5, and potentials that are 0 or random 0..4.
    /// </summary>
    public static IEnumerable<IntegerTree> Random(ulong seed, int count, int maxVertices)
    {
        var rng = new SplitMix64(seed);
        string[] shapes = ["recursive", "path", "star", "caterpillar"];
        for (int t = 0; t < count; t++)
        {
            string shape = shapes[t % shapes.Length];
            int n = 1 + (int)rng.NextBelow((ulong)maxVertices);
            var parent = new int[n];
            parent[0] = -1;
            int spine = 1 + (int)rng.NextBelow((ulong)n);
            for (int v = 1; v < n; v++)
            {
                parent[v] = shape switch
                {
                    "recursive" => (int)rng.NextBelow((ulong)v),
                    "path" => v - 1,
                    "star" => 0,
                    _ => v < spine ? v - 1 : (int)rng.NextBelow((ulong)spine),
                };
            }

            // Shuffle the ids, so that the root and the order of the vertices are arbitrary.
            var id = Enumerable.Range(0, n).ToArray();
            for (int i = n - 1; i > 0; i--)
            {
                int j = (int)rng.NextBelow((ulong)(i + 1));
                (id[i], id[j]) = (id[j], id[i]);
            }
            var shuffled = new int[n];
            for (int v = 0; v < n; v++) shuffled[id[v]] = parent[v] < 0 ? -1 : id[parent[v]];

            int[]? sibling = null;
            if (rng.NextBelow(2) == 0)
            {
                sibling = new int[n];
                for (int p = 0; p < n; p++)
                {
                    var children = Enumerable.Range(0, n).Where(c => shuffled[c] == p).ToArray();
                    var ranks = Enumerable.Range(0, children.Length).ToArray();
                    for (int i = ranks.Length - 1; i > 0; i--)
                    {
                        int j = (int)rng.NextBelow((ulong)(i + 1));
                        (ranks[i], ranks[j]) = (ranks[j], ranks[i]);
                    }
                    for (int i = 0; i < children.Length; i++) sibling[children[i]] = ranks[i];
                }
            }

            var flow = new long[n];
            for (int v = 0; v < n; v++) flow[v] = shuffled[v] < 0 ? 0 : 1 + (long)rng.NextBelow(9);
            var weight = new long[n];
            switch (rng.NextBelow(3))
            {
                case 0:
                    for (int v = 0; v < n; v++) weight[v] = flow[v];
                    for (int v = 0; v < n; v++)
                    {
                        if (shuffled[v] >= 0) weight[shuffled[v]] += flow[v];
                    }
                    if (n == 1) weight[0] = 1;
                    break;
                case 1:
                    Array.Fill(weight, 1);
                    break;
                default:
                    for (int v = 0; v < n; v++) weight[v] = 1 + (long)rng.NextBelow(5);
                    break;
            }
            var potential = new long[n];
            if (rng.NextBelow(3) == 0)
            {
                for (int v = 0; v < n; v++) potential[v] = (long)rng.NextBelow(5);
            }
            yield return new IntegerTree(shape, shuffled, sibling, flow, weight, potential);
        }
    }
}
