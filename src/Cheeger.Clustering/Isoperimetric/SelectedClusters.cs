namespace Cheeger.Clustering.Isoperimetric;

/// <summary>The k sets kept from a packing (spec §4.5), numbered by increasing top vertex.</summary>
public sealed class SelectedClusters
{
    /// <summary>The top vertex of each kept set; cluster i has top <c>Tops[i]</c>, in increasing order.</summary>
    public required int[] Tops { get; init; }

    /// <summary>cost(A_i) of each kept set, in cluster order.</summary>
    public required double[] Costs { get; init; }

    /// <summary>Whether each vertex is the top of a kept set.</summary>
    public required bool[] IsSelectedTop { get; init; }

    /// <summary>Φ = max_i cost(A_i), the reported cost.</summary>
    public double Cost => Costs.Max();
}
