namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The strict total order on edges of spec §2.2: key(u, v) = (d²(u, v), min(u, v), max(u, v)), compared
/// lexicographically. Under it the minimum spanning tree is unique, so every exact MST algorithm agrees.
/// </summary>
public static class EdgeOrder
{
    /// <summary>True when edge (a1, b1) of squared length <paramref name="d2First"/> precedes edge (a2, b2) of squared length <paramref name="d2Second"/>.</summary>
    public static bool Precedes(double d2First, int a1, int b1, double d2Second, int a2, int b2)
    {
        if (d2First != d2Second) return d2First < d2Second;
        int lo1 = Math.Min(a1, b1), lo2 = Math.Min(a2, b2);
        if (lo1 != lo2) return lo1 < lo2;
        return Math.Max(a1, b1) < Math.Max(a2, b2);
    }
}
