using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Conformance.Tests;

/// <summary>
/// The parallel backend's decisions split by subtrees (its size threshold lowered, so that small inputs take the path
/// the registry's default only takes on large trees): still the reference's result, bit for bit.
/// </summary>
[Collection(nameof(HeavyTests))]
public sealed class ParallelSubtreeSplitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Variants => new(IsoperimetricContractTests.Variants);

    [Theory]
    [MemberData(nameof(Variants))]
    public void Subtree_split_decisions_agree_with_the_reference_for_every_model_option(string variant)
    {
        IsoperimetricOptions options = IsoperimetricContractTests.Variant(variant);
        foreach (string file in (string[])["iris", "wine", "yeast"])
        {
            Dataset data = ConformanceData.Load(file);
            IsoperimetricResult expected = ReferenceResults.Of(data, options);
            foreach (int workers in ConformanceData.WorkerCounts)
            {
                var actual = new ParallelIsoperimetric { MinSubtreeSplitCount = 1 }.Run(data, options with { Workers = workers }, Cancel);
                IsoperimetricAgreement.Assert(expected, actual, exact: true, $"{file} {variant} workers={workers}");
            }
        }
    }

    public static TheoryData<int> Grids => new(Enumerable.Range(0, ConformanceData.Grids.Length));

    [Theory]
    [MemberData(nameof(Grids))]
    public void Subtree_split_decisions_agree_with_the_reference_on_grids(int grid)
    {
        var (seed, n, dimension, side) = ConformanceData.Grids[grid];
        Dataset data = ConformanceData.Grid(seed, n, dimension, side);
        foreach (int k in (int[])[1, 2, 5])
        {
            var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true };
            IsoperimetricResult expected = ReferenceResults.Of(data, options);
            foreach (int workers in ConformanceData.WorkerCounts)
            {
                var backend = new ParallelIsoperimetric { MinSubtreeSplitCount = 1 };
                IsoperimetricAgreement.Assert(expected, backend.Run(data, options with { Workers = workers }, Cancel), exact: true,
                    $"grid seed={seed} k={k} workers={workers}");
            }
        }
    }
}
