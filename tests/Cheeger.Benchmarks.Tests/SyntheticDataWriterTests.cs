using Cheeger.Benchmarks;
using Cheeger.Clustering.Data;

namespace Cheeger.Benchmarks.Tests;

/// <summary>The CSV the <c>synthetic</c> command writes reads back as the scale suite's very points.</summary>
public sealed class SyntheticDataWriterTests
{
    [Theory]
    [InlineData("uniform")]
    [InlineData("clustered")]
    public void TheWrittenCsvReadsBackBitForBit(string kind)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cheeger-synthetic-{kind}-{Guid.NewGuid():N}.csv");
        try
        {
            Assert.Equal(0, SyntheticDataWriter.Run([kind, "500", "3", path]));
            Dataset expected = kind == "uniform" ? SyntheticData.Uniform(500, 3) : SyntheticData.Clustered(500, 3);
            Dataset read = CsvDatasetReader.Load(path);
            Assert.Equal(expected.Count, read.Count);
            Assert.Equal(expected.Dimension, read.Dimension);
            Assert.Equal(expected.Points.ToArray(), read.Points.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BadArgumentsAreRefusedWithUsage() => Assert.Equal(2, SyntheticDataWriter.Run(["uniform", "0", "3", "x.csv"]));
}
