using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cheeger.Clustering.Tests.Reliability;

/// <summary>
/// Property tests of both methods' managed pipelines on random shapes, values and options: a result or a
/// <see cref="ClusteringInputException"/>, never another exception; a result has n labels in range, and the
/// parallel backend gives the serial reference's labels for every worker count (determinism).
/// </summary>
public sealed class PipelineProperties
{
    /// <summary>Points, k, seed and worker count of one case.</summary>
    public sealed record Case(int N, int D, double[] Values, int K, ulong Seed, int Workers, int Variant)
    {
        /// <inheritdoc/>
        public override string ToString() =>
            $"n = {N}, d = {D}, k = {K}, seed = {Seed}, workers = {Workers}, variant = {Variant}, values = [{string.Join(", ", Values.Take(24))}{(Values.Length > 24 ? ", ..." : "")}]";
    }

    /// <summary>
    /// Small shapes with values that make duplicates and ties (a coarse grid), spread (any finite double, huge
    /// ones included) or constant; k from −1 to n + 1 so that invalid k is tried too.
    /// </summary>
    public static Arbitrary<Case> Cases()
    {
        var grid = Gen.Choose(-3, 3).Select(i => (double)i);
        var spread = ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite);
        var scaled = from i in Gen.Choose(-5, 5) from e in Gen.Choose(-200, 200) select i * Math.Pow(10, e);
        return (from n in Gen.Choose(1, 40)
                from d in Gen.Frequency((4, Gen.Choose(1, 3)), (1, Gen.Choose(4, 40)))
                from kind in Gen.Choose(0, 3)
                from values in kind switch
                {
                    0 => grid.ArrayOf(n * d),
                    1 => spread.ArrayOf(n * d),
                    2 => scaled.ArrayOf(n * d),
                    _ => grid.Select(v => Enumerable.Repeat(v, n * d).ToArray()),
                }
                from k in Gen.Choose(-1, n + 1)
                from seed in ArbMap.Default.GeneratorFor<ulong>()
                from workers in Gen.Choose(1, 4)
                from variant in Gen.Choose(0, 11)
                select new Case(n, d, values, k, seed, workers, variant)).ToArbitrary();
    }

    private static IsoperimetricOptions IsoOptions(Case c) => new()
    {
        K = c.K,
        Kernel = (FlowKernel)(c.Variant % 3),
        Weight = (VertexWeight)(c.Variant / 3 % 3),
        Beta = c.Variant % 2 == 0 ? 0 : 0.5,
        Standardize = c.Variant % 4 == 1,
        Sigma = c.Variant == 11 ? 0.75 : null,
        FullLabels = true,
        Workers = c.Workers,
    };

    [Property(MaxTest = 300, Arbitrary = [typeof(PipelineProperties)])]
    public void KMeans_gives_in_range_labels_the_same_on_every_backend_or_one_input_error(Case c)
    {
        var data = new Dataset(c.Values, c.N, c.D);
        var options = new KMeansOptions { K = c.K, Seed = c.Seed, Workers = c.Workers, Init = (KMeansInit)(c.Variant % 2), MaxIterations = 50 };
        KMeansResult serial;
        double[] initial;
        try
        {
            initial = KMeansInitializer.InitialCentroids(data, options);
            serial = new SerialKMeans().Run(data, options, initial, TestContext.Current.CancellationToken);
        }
        catch (ClusteringInputException e)
        {
            // Besides k out of range, only coordinates whose sums would overflow may be refused.
            Assert.True(c.K < 1 || c.K > c.N || data.LargestMagnitude > KMeansArguments.LargestMagnitude(c.N, c.D),
                $"refused a valid case: {c}: {e.Message}");
            return;
        }

        Assert.Equal(c.N, serial.Labels.Length);
        Assert.All(serial.Labels, label => Assert.InRange(label, 0, c.K - 1));
        var parallel = new ParallelKMeans().Run(data, options, initial, TestContext.Current.CancellationToken);
        Assert.Equal(serial.Labels, parallel.Labels);
        Assert.Equal(serial.Iterations, parallel.Iterations);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(PipelineProperties)])]
    public void Iso_gives_in_range_labels_the_same_on_every_backend_or_one_input_error(Case c)
    {
        var data = new Dataset(c.Values, c.N, c.D);
        var options = IsoOptions(c);
        IsoperimetricResult serial;
        try
        {
            serial = new SerialIsoperimetric().Run(data, options, TestContext.Current.CancellationToken);
        }
        catch (ClusteringInputException e)
        {
            // Besides k out of range, only huge coordinates (distances or σ that overflow) may be refused.
            Assert.True(c.K < 1 || c.K > c.N || e.Message.Contains("overflow", StringComparison.Ordinal) || e.Message.Contains("out of range", StringComparison.Ordinal),
                $"refused a valid case: {c}: {e.Message}");
            Assert.Throws<ClusteringInputException>(() => new ParallelIsoperimetric().Run(data, options, TestContext.Current.CancellationToken));
            return;
        }

        Assert.Equal(c.N, serial.Labels.Length);
        Assert.All(serial.Labels, label => Assert.InRange(label, -1, c.K - 1));
        Assert.All(serial.FullLabels!, label => Assert.InRange(label, 0, c.K - 1));
        Assert.True(double.IsFinite(serial.Sigma) && serial.Sigma > 0, $"σ = {serial.Sigma}");
        var parallel = new ParallelIsoperimetric().Run(data, options, TestContext.Current.CancellationToken);
        Assert.Equal(serial.Labels, parallel.Labels);
        Assert.Equal(serial.FullLabels, parallel.FullLabels);
    }
}
