namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// How the minimum spanning tree is built (spec §2.2, §6.1; the C API's <c>cheeger_iso_spanning_tree</c>, same
/// values). Every choice gives the same tree, insertion order included: only the time differs.
/// </summary>
public enum SpanningTreeAlgorithm
{
    /// <summary>The backend's choice by size and dimension.</summary>
    Auto = 0,

    /// <summary>Prim from vertex 0: n − 1 steps of one least-edge search each (O(n²D)).</summary>
    Prim = 1,

    /// <summary>Borůvka: O(log n) rounds of a least outgoing edge per component, each found by brute force.</summary>
    Boruvka = 2,

    /// <summary>Borůvka whose least outgoing edges come from pruned kd-tree searches (about O(n log n) for small D).</summary>
    Kdtree = 3,
}
