using Cheeger.Backends;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Conformance.Tests;

/// <summary>
/// The isoperimetric contract, once for every backend of the registry that implements the method: the reference's
/// tree, σ, probes, ε and labels (to <see cref="IsoperimetricAgreement"/>'s policy) on every bundled data set, for
/// every model option, on grids full of duplicates and ties and on duplicated random rows, for every worker count;
/// the same result on repeated runs; bad options refused as input errors. The ILGPU CPU accelerator runs data sets
/// of more than <see cref="ConformanceTarget.CpuAcceleratorMaxRows"/> rows as a seeded sample of that many
/// (<see cref="ConformanceTarget.Sized"/>), and an accelerator target, which has no workers, once.
/// </summary>
[Collection(nameof(HeavyTests))]
public sealed class IsoperimetricContractTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Every target but the reference itself, which the others are compared with.</summary>
    private static IEnumerable<string> Compared =>
        ConformanceTarget.Implementing(ClusteringMethod.Isoperimetric).Where(t => t != BackendRegistry.Reference);

    public static TheoryData<string, string, int> BundledCases()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (string target in Compared)
            foreach ((string file, int k) in ConformanceData.Bundled) cases.Add(target, file, k);
        return cases;
    }

    [Theory]
    [MemberData(nameof(BundledCases))]
    public void Agrees_with_the_reference_on_bundled_data(string target, string file, int k)
    {
        Dataset data = ConformanceData.Load(file);
        var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true };
        AssertAgreesOnEveryWorkerCount(target, data, options, $"{file} k={k}");
    }

    public static readonly string[] Variants = ["gauss", "inverse", "unit", "graph", "beta", "standardize", "sigma", "steps"];

    public static TheoryData<string, string> VariantCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (string target in Compared)
            foreach (string variant in Variants) cases.Add(target, variant);
        return cases;
    }

    /// <summary>The default options of the variant tests with one model option changed.</summary>
    public static IsoperimetricOptions Variant(string variant)
    {
        var options = new IsoperimetricOptions { K = 3, FullLabels = true, IncludeTree = true };
        return variant switch
        {
            "gauss" => options with { Kernel = FlowKernel.Gauss },
            "inverse" => options with { Kernel = FlowKernel.Inverse },
            "unit" => options with { Weight = VertexWeight.Unit },
            "graph" => options with { Weight = VertexWeight.Graph },
            "beta" => options with { Beta = 0.5 },
            "standardize" => options with { Standardize = true },
            "steps" => options with { SearchTolerance = 1e-6, MaxSearchSteps = 9, SigmaScale = 3 },
            "sigma" => options with { Sigma = 0.25 },
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "not a variant"),
        };
    }

    [Theory]
    [MemberData(nameof(VariantCases))]
    public void Agrees_with_the_reference_for_every_model_option(string target, string variant)
    {
        foreach (string file in (string[])["iris", "wine"])
            AssertAgreesOnEveryWorkerCount(target, ConformanceData.Load(file), Variant(variant), $"{file} {variant}");
    }

    public static TheoryData<string, int> GridCases()
    {
        var cases = new TheoryData<string, int>();
        foreach (string target in Compared)
            for (int grid = 0; grid < ConformanceData.Grids.Length; grid++) cases.Add(target, grid);
        return cases;
    }

    [Theory]
    [MemberData(nameof(GridCases))]
    public void Agrees_with_the_reference_on_grids_with_duplicates_and_ties(string target, int grid)
    {
        var (seed, n, dimension, side) = ConformanceData.Grids[grid];
        Dataset data = ConformanceData.Grid(seed, n, dimension, side);
        foreach (int k in (int[])[1, 2, 5])
            AssertAgreesOnEveryWorkerCount(target, data, new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true }, $"grid seed={seed} k={k}");
    }

    public static TheoryData<string> ComparedTargets() => new(Compared);

    [Theory]
    [MemberData(nameof(ComparedTargets))]
    public void Agrees_with_the_reference_on_random_data_with_duplicated_rows(string target) =>
        AssertAgreesOnEveryWorkerCount(target, ConformanceData.RandomWithDuplicatedRows(),
            new IsoperimetricOptions { K = 7, FullLabels = true, IncludeTree = true }, "random with duplicates");

    public static TheoryData<string> AllTargets() => new(ConformanceTarget.Implementing(ClusteringMethod.Isoperimetric));

    [Theory]
    [MemberData(nameof(AllTargets))]
    public void Repeated_runs_are_identical(string target)
    {
        Dataset data = ConformanceData.Grid(11, 800, 2, 20);
        var options = new IsoperimetricOptions { K = 4, FullLabels = true, IncludeTree = true, Workers = 3 };
        IIsoperimetricBackend backend = ConformanceTarget.Named(target).Isoperimetric();
        try
        {
            IsoperimetricResult first = backend.Run(data, options, Cancel);
            for (int run = 0; run < 5; run++)
                IsoperimetricAgreement.Assert(first, backend.Run(data, options, Cancel), exact: true, $"{target} run {run}");
        }
        finally
        {
            (backend as IDisposable)?.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(AllTargets))]
    public void Bad_options_are_input_errors(string target)
    {
        Dataset data = ConformanceData.Load("iris");
        IIsoperimetricBackend backend = ConformanceTarget.Named(target).Isoperimetric();
        try
        {
            var tooMany = Assert.Throws<ClusteringInputException>(() => backend.Run(data, new IsoperimetricOptions { K = data.Count + 1 }, Cancel));
            Assert.Equal($"k = {data.Count + 1} exceeds the number of points n = {data.Count}.", tooMany.Message);
            var sigma = Assert.Throws<ClusteringInputException>(() => backend.Run(data, new IsoperimetricOptions { Sigma = -1 }, Cancel));
            Assert.Equal("sigma must be a positive finite number (got -1).", sigma.Message);
        }
        finally
        {
            (backend as IDisposable)?.Dispose();
        }
    }

    private static void AssertAgreesOnEveryWorkerCount(string label, Dataset data, IsoperimetricOptions options, string context)
    {
        ConformanceTarget target = ConformanceTarget.Named(label);
        data = target.Sized(data);
        IsoperimetricResult expected = ReferenceResults.Of(data, options);
        IIsoperimetricBackend backend = target.Isoperimetric();
        try
        {
            foreach (int workers in target.WorkerCounts)
            {
                IsoperimetricResult actual = backend.Run(data, options with { Workers = workers }, Cancel);
                Assert.Equal(target.Registration.Name, actual.Backend);
                IsoperimetricAgreement.Assert(expected, actual, target.SharesManagedArithmetic, $"{label} {context} workers={workers}");
            }
        }
        finally
        {
            (backend as IDisposable)?.Dispose();
        }
    }
}
