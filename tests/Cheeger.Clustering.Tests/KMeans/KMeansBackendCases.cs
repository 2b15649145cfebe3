using Cheeger.Clustering.Backends;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Clustering.Tests.KMeans;

/// <summary>The managed k-means backends the behaviour tests run on, by name and worker count.</summary>
public static class KMeansBackendCases
{
    /// <summary>The serial reference, and the parallel backend on 1, 2 and 3 workers.</summary>
    public static TheoryData<string, int> All => new()
    {
        { "serial", 1 },
        { "parallel", 1 },
        { "parallel", 2 },
        { "parallel", 3 },
    };

    /// <summary>The running test's cancellation token.</summary>
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The backend of that name.</summary>
    public static IKMeansBackend Create(string name) => name switch
    {
        "serial" => new SerialKMeans(),
        "parallel" => new ParallelKMeans(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a managed k-means backend"),
    };
}
