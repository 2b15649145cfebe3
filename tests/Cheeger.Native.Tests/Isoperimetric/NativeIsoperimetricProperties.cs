using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cheeger.Native.Tests.Isoperimetric;

/// <summary>
/// Property test of the native-cpu isoperimetric backend on random shapes, values (grids full of duplicates and
/// ties, spread values, constants), k, model options and worker counts: the serial reference's labels, or a
/// refusal where the reference refuses too (an input error, or the library's status for input it cannot cluster).
/// </summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeIsoperimetricProperties : IDisposable
{
    private readonly NativeIsoperimetric _backend = NativeIsoperimetric.Cpu();

    /// <summary>n, d, values, k, model variant, workers.</summary>
    public sealed record Case(int N, int D, double[] Values, int K, int Variant, int Workers)
    {
        /// <inheritdoc/>
        public override string ToString() => $"n = {N}, d = {D}, k = {K}, variant = {Variant}, workers = {Workers}, values = [{string.Join(", ", Values.Take(16))}...]";
    }

    /// <summary>Up to 80 points in 1–5 dimensions; k from 0 to n + 1; every kernel, weight, β and standardisation.</summary>
    public static Arbitrary<Case> Cases()
    {
        var grid = Gen.Choose(-2, 2).Select(i => (double)i);
        var spread = Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000.0);
        return (from n in Gen.Choose(1, 80)
                from d in Gen.Choose(1, 5)
                from kind in Gen.Choose(0, 2)
                from values in kind switch
                {
                    0 => grid.ArrayOf(n * d),
                    1 => spread.ArrayOf(n * d),
                    _ => grid.Select(v => Enumerable.Repeat(v, n * d).ToArray()),
                }
                from k in Gen.Choose(0, Math.Min(n + 1, 12))
                from variant in Gen.Choose(0, 35)
                from workers in Gen.Choose(1, 4)
                select new Case(n, d, values, k, variant, workers)).ToArbitrary();
    }

    private static IsoperimetricOptions Options(Case c) => new()
    {
        K = c.K,
        Kernel = (FlowKernel)(c.Variant % 3),
        Weight = (VertexWeight)(c.Variant / 3 % 3),
        Beta = c.Variant / 9 % 2 == 0 ? 0 : 0.5,
        Standardize = c.Variant / 18 == 1,
        FullLabels = true,
        Workers = c.Workers,
    };

    [Property(MaxTest = 150, Arbitrary = [typeof(NativeIsoperimetricProperties)])]
    public void Native_cpu_gives_the_serial_references_labels_or_refuses_where_it_does(Case c)
    {
        Requirements.NativeLibrary();
        var data = new Dataset(c.Values, c.N, c.D);
        var options = Options(c);
        IsoperimetricResult reference;
        try
        {
            reference = new SerialIsoperimetric().Run(data, options, TestContext.Current.CancellationToken);
        }
        catch (ClusteringInputException expected)
        {
            var refusal = Record.Exception(() => _backend.Run(data, options, TestContext.Current.CancellationToken));
            Assert.True(refusal is ClusteringInputException or CheegerNativeException { Status: CheegerStatus.InvalidArgument },
                $"{c}: the reference refused ({expected.Message}) but native gave {refusal?.GetType().Name ?? "a result"}");
            return;
        }

        var native = _backend.Run(data, options, TestContext.Current.CancellationToken);

        Assert.Equal(reference.Labels, native.Labels);
        Assert.Equal(reference.FullLabels, native.FullLabels);
    }

    public void Dispose() => _backend.Dispose();
}
