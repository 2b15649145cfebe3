using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Conformance.Tests;

/// <summary>
/// The parallel backend's level decider on narrow levels (its width threshold lowered, so that small inputs take the
/// parallel path the registry's default only takes on large ones): still the reference's result, bit for bit.
/// </summary>
[Collection(nameof(HeavyTests))]
public sealed class ParallelLevelWidthTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Variants => new(IsoperimetricContractTests.Variants);

    [Theory]
    [MemberData(nameof(Variants))]
    public void Narrow_levels_agree_with_the_reference_for_every_model_option(string variant)
    {
        IsoperimetricOptions options = IsoperimetricContractTests.Variant(variant);
        foreach (string file in (string[])["iris", "wine"])
        {
            Dataset data = ConformanceData.Load(file);
            IsoperimetricResult expected = ReferenceResults.Of(data, options);
            foreach (int workers in ConformanceData.WorkerCounts)
            {
                var actual = new ParallelIsoperimetric { MinParallelLevelWidth = 1 }.Run(data, options with { Workers = workers }, Cancel);
                IsoperimetricAgreement.Assert(expected, actual, exact: true, $"{file} {variant} workers={workers}");
            }
        }
    }

    public static TheoryData<int> Grids => new(Enumerable.Range(0, ConformanceData.Grids.Length));

    [Theory]
    [MemberData(nameof(Grids))]
    public void Narrow_levels_agree_with_the_reference_on_grids(int grid)
    {
        var (seed, n, dimension, side) = ConformanceData.Grids[grid];
        Dataset data = ConformanceData.Grid(seed, n, dimension, side);
        foreach (int k in (int[])[1, 2, 5])
        {
            var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true };
            IsoperimetricResult expected = ReferenceResults.Of(data, options);
            foreach (int workers in ConformanceData.WorkerCounts)
            {
                var backend = new ParallelIsoperimetric { MinParallelLevelWidth = 1 + workers % 3 };
                IsoperimetricAgreement.Assert(expected, backend.Run(data, options with { Workers = workers }, Cancel), exact: true,
                    $"grid seed={seed} k={k} workers={workers}");
            }
        }
    }

    [Fact]
    public void Repeated_runs_on_narrow_levels_are_identical()
    {
        Dataset data = ConformanceData.Grid(11, 800, 2, 20);
        var options = new IsoperimetricOptions { K = 4, FullLabels = true, IncludeTree = true, Workers = 3 };
        var backend = new ParallelIsoperimetric { MinParallelLevelWidth = 2 };
        IsoperimetricResult first = backend.Run(data, options, Cancel);
        for (int run = 0; run < 5; run++)
            IsoperimetricAgreement.Assert(first, backend.Run(data, options, Cancel), exact: true, $"run {run}");
    }
}
