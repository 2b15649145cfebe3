using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using Cheeger.Native.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cheeger.Native.Tests.Backend;

/// <summary>
/// Property test of the native-cpu backend on random shapes, values (coarse grids full of duplicates and ties,
/// or spread doubles), k and worker counts: the serial reference's labels and iteration count, and the parallel backend's
/// centroids bit for bit, or the same input error the managed backends give.
/// </summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeKMeansProperties : IDisposable
{
    private readonly NativeKMeans _backend = NativeKMeans.Cpu();

    /// <summary>n, d, values, k, seed, workers.</summary>
    public sealed record Case(int N, int D, double[] Values, int K, ulong Seed, int Workers)
    {
        /// <inheritdoc/>
        public override string ToString() => $"n = {N}, d = {D}, k = {K}, seed = {Seed}, workers = {Workers}, values = [{string.Join(", ", Values.Take(16))}...]";
    }

    /// <summary>The cases: up to 5000 points (more than one 4096-row chunk), 1–6 dimensions, k from 0 to n + 1.</summary>
    public static Arbitrary<Case> Cases()
    {
        var grid = Gen.Choose(-2, 2).Select(i => (double)i);
        var spread = Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000.0);
        return (from n in Gen.Frequency((6, Gen.Choose(1, 60)), (1, Gen.Choose(4000, 5000)))
                from d in Gen.Choose(1, 6)
                from coarse in ArbMap.Default.GeneratorFor<bool>()
                from values in (coarse ? grid : spread).ArrayOf(n * d)
                from k in Gen.Choose(0, Math.Min(n + 1, 40))
                from seed in ArbMap.Default.GeneratorFor<ulong>()
                from workers in Gen.Choose(1, 4)
                select new Case(n, d, values, k, seed, workers)).ToArbitrary();
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(NativeKMeansProperties)])]
    public void Native_cpu_gives_the_serial_references_labels_or_the_same_input_error(Case c)
    {
        Requirements.NativeLibrary();
        var data = new Dataset(c.Values, c.N, c.D);
        var options = new KMeansOptions { K = c.K, Seed = c.Seed, Workers = c.Workers, MaxIterations = 100 };
        if (c.K < 1 || c.K > c.N)
        {
            var error = Assert.Throws<ClusteringInputException>(() => _backend.Run(data, options, new double[Math.Max(c.K, 0) * c.D], TestContext.Current.CancellationToken));
            Assert.StartsWith("k ", error.Message);
            return;
        }

        double[] initial = KMeansInitializer.InitialCentroids(data, options);
        var reference = new SerialKMeans().Run(data, options, initial, TestContext.Current.CancellationToken);
        var native = _backend.Run(data, options, initial, TestContext.Current.CancellationToken);

        Assert.Equal(reference.Labels, native.Labels);
        Assert.Equal(reference.Iterations, native.Iterations);
        // Bit for bit with the backend that sums in the same chunk order (the serial reference adds point by
        // point into the running sums, so its centroids may differ in the last place).
        var parallel = new ParallelKMeans().Run(data, options, initial, TestContext.Current.CancellationToken);
        Assert.Equal(parallel.Centroids, native.Centroids);
        Assert.Equal(parallel.Inertia, native.Inertia);
    }

    public void Dispose() => _backend.Dispose();
}
