using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Clustering.Tests.Reliability;

/// <summary>Runs whose memory is known up front are refused before they start when it does not fit.</summary>
public sealed class MemoryBudgetTests
{
    [Fact]
    public void A_refusal_names_the_purpose_the_bytes_needed_and_the_bytes_available()
    {
        var error = Assert.Throws<ClusteringInputException>(() => MemoryBudget.Require(3.5 * (1L << 30), "k-means of n = 5", 1L << 30));

        Assert.Equal("k-means of n = 5 needs about 3.5 GiB of memory, more than the 1.0 GiB this process may use; use fewer points, features or clusters.", error.Message);
    }

    [Fact]
    public void What_fits_passes() => MemoryBudget.Require(1000, "anything", 1000);

    [Fact]
    public void The_available_memory_is_what_the_garbage_collector_reports() =>
        Assert.Equal(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, MemoryBudget.AvailableBytes);

    [Theory]
    [InlineData(0.0, "0 B")]
    [InlineData(1023.0, "1023 B")]
    [InlineData(1536.0, "1.5 KiB")]
    [InlineData(5.0 * 1024 * 1024, "5.0 MiB")]
    public void Sizes_are_written_in_the_largest_whole_unit(double bytes, string text) =>
        Assert.Equal(text, MemoryBudget.Describe(bytes));

    [Fact]
    public void Parallel_k_means_with_deltas_beyond_the_largest_array_is_refused_before_it_starts()
    {
        // n = 2 000 000 points in 489 chunks of 4096 rows, k = n: the per-chunk delta sums would hold ~3e9 doubles
        // (489 × (k·d + 8), each chunk's deltas padded by a cache line).
        const int n = 2_000_000, d = 3;
        var data = new Dataset(new double[n * d], n, d);
        var options = new KMeansOptions { K = n };

        var error = Assert.Throws<ClusteringInputException>(() => new ParallelKMeans().Run(data, options, new double[(long)n * d], TestContext.Current.CancellationToken));

        Assert.StartsWith("the per-chunk delta sums of k-means (parallel) of n = 2000000, d = 3, k = 2000000 would hold 2,934,003,912 values", error.Message);
    }

    [Fact]
    public void The_parallel_k_means_estimate_counts_the_point_copy_and_the_chunk_deltas()
    {
        // One chunk: the blocks (n + 8 padded rows of d doubles), labels, and one delta of k·d sums and k counts,
        // padded to whole cache lines plus one: 16 doubles and 32 ints.
        double bytes = KMeansMemory.ParallelBytes(n: 100, d: 2, k: 3);

        double expected = 8.0 * 108 * 2 + 8.0 * 108 + 4.0 * 100 + 1 * (8.0 * 16 + 4.0 * 32) + 12 + 24.0 * 3 * 2 + 12.0 * 3;
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void The_isoperimetric_estimate_adds_a_copy_of_the_points_per_stage_that_makes_one()
    {
        var data = new Dataset(new double[10 * 4], 10, 4);
        var plain = new IsoperimetricOptions();

        Assert.Equal(2560, IsoperimetricMemory.Bytes(data, plain, parallel: false));
        Assert.Equal(2560 + 320, IsoperimetricMemory.Bytes(data, plain, parallel: true));
        Assert.Equal(2560 + 3 * 320, IsoperimetricMemory.Bytes(data, plain with { Standardize = true, FullLabels = true }, parallel: true));
    }
}
