using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Clustering.Tests.Reliability;

/// <summary>Every isoperimetric option out of range is refused by every managed backend, naming the option.</summary>
public sealed class IsoperimetricOptionsValidationTests
{
    private static readonly Dataset Data = new([0, 0, 1, 0, 5, 5, 6, 5], 4, 2);

    public static TheoryData<string, IsoperimetricOptions, string> BadOptions => new()
    {
        { "serial", new() { K = 0 }, "k must be at least 1 (got 0)." },
        { "parallel", new() { K = -3 }, "k must be at least 1 (got -3)." },
        { "serial", new() { K = 5 }, "k = 5 exceeds the number of points n = 4." },
        { "parallel", new() { K = 2, Sigma = double.NaN }, "sigma must be a positive finite number (got NaN)." },
        { "serial", new() { K = 2, Sigma = 0 }, "sigma must be a positive finite number (got 0)." },
        { "serial", new() { K = 2, Sigma = -1 }, "sigma must be a positive finite number (got -1)." },
        { "parallel", new() { K = 2, Sigma = double.PositiveInfinity }, "sigma must be a positive finite number (got Infinity)." },
        { "serial", new() { K = 2, SigmaScale = 0 }, "sigma scale must be a positive finite number (got 0)." },
        { "parallel", new() { K = 2, SigmaScale = double.NegativeInfinity }, "sigma scale must be a positive finite number (got -Infinity)." },
        { "serial", new() { K = 2, Beta = -0.5 }, "beta must be a finite number ≥ 0 (got -0.5)." },
        { "parallel", new() { K = 2, Beta = double.NaN }, "beta must be a finite number ≥ 0 (got NaN)." },
        { "serial", new() { K = 2, SearchTolerance = 0 }, "the search tolerance must lie in (0, 1) (got 0)." },
        { "parallel", new() { K = 2, SearchTolerance = 1 }, "the search tolerance must lie in (0, 1) (got 1)." },
        { "serial", new() { K = 2, MaxSearchSteps = 0 }, "the search step limit must be at least 1 (got 0)." },
        { "parallel", new() { K = 2, Workers = -1 }, "workers must be ≥ 0 (0 = all cores; got -1)." },
        { "serial", new() { K = 2, Kernel = (FlowKernel)9 }, "kernel 9 is not a known kernel." },
        { "parallel", new() { K = 2, Weight = (VertexWeight)(-1) }, "weight -1 is not a known vertex weight." },
        { "serial", new() { K = 2, Kernel = FlowKernel.Gauss, Sigma = 1e-300 }, "sigma = 1E-300 is out of range for kernel gauss: σ² must be a positive finite double (σ between about 1e-154 and 1e154)." },
        { "parallel", new() { K = 2, Kernel = FlowKernel.Gauss, Sigma = 1e200 }, "sigma = 1E+200 is out of range for kernel gauss: σ² must be a positive finite double (σ between about 1e-154 and 1e154)." },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_is_refused_naming_it(string backend, IsoperimetricOptions options, string message)
    {
        IIsoperimetricBackend run = backend == "serial" ? new SerialIsoperimetric() : new ParallelIsoperimetric();

        var error = Assert.Throws<ClusteringInputException>(() => run.Run(Data, options, TestContext.Current.CancellationToken));

        Assert.Equal(message, error.Message);
    }
}
