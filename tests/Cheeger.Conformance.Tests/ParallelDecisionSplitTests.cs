using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Conformance.Tests;

/// <summary>
/// The parallel backend's two ways of splitting a decision over the pool, each with its threshold lowered so that small
/// inputs take the path the registry's default only takes on large trees: by levels (wide levels of shallow trees) and
/// by subtrees (deep trees). Either way still the reference's result, bit for bit.
/// </summary>
[Collection(nameof(HeavyTests))]
public sealed class ParallelDecisionSplitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The backend splitting by <paramref name="split"/> from the smallest size that still varies with the workers.</summary>
    private static ParallelIsoperimetric Backend(string split, int workers) => split switch
    {
        "levels" => new ParallelIsoperimetric { MinParallelLevelWidth = 1 + workers % 3 },
        "subtrees" => new ParallelIsoperimetric { MinSubtreeSplitCount = 1 + workers % 3 },
        _ => throw new ArgumentException($"Unknown split '{split}'.", nameof(split)),
    };

    public static TheoryData<string, string> SplitsAndVariants =>
        new(from split in (string[])["levels", "subtrees"] from variant in IsoperimetricContractTests.Variants select (split, variant));

    [Theory]
    [MemberData(nameof(SplitsAndVariants))]
    public void Split_decisions_agree_with_the_reference_for_every_model_option(string split, string variant)
    {
        IsoperimetricOptions options = IsoperimetricContractTests.Variant(variant);
        foreach (string file in (string[])["iris", "wine", "yeast"])
        {
            Dataset data = ConformanceData.Load(file);
            IsoperimetricResult expected = ReferenceResults.Of(data, options);
            foreach (int workers in ConformanceData.WorkerCounts)
                IsoperimetricAgreement.Assert(expected, Backend(split, workers).Run(data, options with { Workers = workers }, Cancel), exact: true,
                    $"{file} {variant} split by {split}, workers={workers}");
        }
    }

    public static TheoryData<string, int> SplitsAndGrids =>
        new(from split in (string[])["levels", "subtrees"] from grid in Enumerable.Range(0, ConformanceData.Grids.Length) select (split, grid));

    [Theory]
    [MemberData(nameof(SplitsAndGrids))]
    public void Split_decisions_agree_with_the_reference_on_grids(string split, int grid)
    {
        var (seed, n, dimension, side) = ConformanceData.Grids[grid];
        Dataset data = ConformanceData.Grid(seed, n, dimension, side);
        foreach (int k in (int[])[1, 2, 5])
        {
            var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true };
            IsoperimetricResult expected = ReferenceResults.Of(data, options);
            foreach (int workers in ConformanceData.WorkerCounts)
                IsoperimetricAgreement.Assert(expected, Backend(split, workers).Run(data, options with { Workers = workers }, Cancel), exact: true,
                    $"grid seed={seed} k={k} split by {split}, workers={workers}");
        }
    }

    [Theory]
    [InlineData("levels")]
    [InlineData("subtrees")]
    public void Repeated_split_runs_are_identical(string split)
    {
        Dataset data = ConformanceData.Grid(11, 800, 2, 20);
        var options = new IsoperimetricOptions { K = 4, FullLabels = true, IncludeTree = true, Workers = 3 };
        ParallelIsoperimetric backend = Backend(split, workers: 1);
        IsoperimetricResult first = backend.Run(data, options, Cancel);
        for (int run = 0; run < 5; run++)
            IsoperimetricAgreement.Assert(first, backend.Run(data, options, Cancel), exact: true, $"run {run}");
    }
}
