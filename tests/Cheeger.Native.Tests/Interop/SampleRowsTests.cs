using Cheeger.Clustering.KMeans;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Interop;

/// <summary>The native row sampler picks the same rows as the managed one, so a seed means one run everywhere.</summary>
public sealed class SampleRowsTests
{
    [Theory]
    [InlineData(1, 1, 0UL)]
    [InlineData(10, 10, 1UL)]
    [InlineData(178, 3, 42UL)]
    [InlineData(5000, 15, 7UL)]
    [InlineData(5000, 15, ulong.MaxValue)]
    [InlineData(100_000, 64, 0x9E3779B97F4A7C15UL)]
    [InlineData(1_000_003, 1, 12345UL)]
    public void NativeRowsEqualManagedRows(int n, int k, ulong seed)
    {
        Requirements.NativeLibrary();

        long[] native = CheegerKMeans.SampleRows(n, k, seed);
        int[] managed = KMeansInitializer.SampleRows(n, k, seed);

        Assert.Equal(managed.Select(r => (long)r), native);
    }
}
