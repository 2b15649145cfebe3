namespace Cheeger.Clustering;

/// <summary>The clustering methods of the library.</summary>
public enum ClusteringMethod
{
    /// <summary>Lloyd's k-means.</summary>
    KMeans,

    /// <summary>Isoperimetric tree clustering (docs/isoperimetric.md).</summary>
    Isoperimetric,
}

/// <summary>How messages name a method.</summary>
public static class ClusteringMethodTitles
{
    /// <summary><c>k-means</c> or <c>isoperimetric</c>.</summary>
    public static string Title(this ClusteringMethod method) => method switch
    {
        ClusteringMethod.KMeans => "k-means",
        ClusteringMethod.Isoperimetric => "isoperimetric",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
