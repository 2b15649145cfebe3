using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Tests.Reliability;

/// <summary>Every malformed CSV is refused with one message naming the problem, the line and the column.</summary>
public sealed class CsvBadInputTests
{
    private static string Refusal(string text, long? memoryLimitBytes = null) =>
        Assert.Throws<ClusteringInputException>(() => CsvDatasetReader.Read(new StringReader(text), "t", memoryLimitBytes)).Message;

    [Theory]
    [InlineData("", "'t' is empty: expected a header row and at least one data row.")]
    [InlineData("x,y\n", "'t' has a header but no data rows.")]
    [InlineData("x,y\n\n\n", "'t' has a header but no data rows.")]
    [InlineData("label\na\nb\n", "'t' has no feature columns (only 'label').")]
    [InlineData("x,label,label\n1,a,b\n", "'t' has more than one 'label' column.")]
    [InlineData("x,y\n1,2\n3\n", "Line 3: 1 fields, but the header has 2.")]
    [InlineData("x,y\n1,2\n3,4,5\n", "Line 3: 3 fields, but the header has 2.")]
    [InlineData("x,y\n1,2\n\n\n3,oops\n", "Line 5, column 'y': 'oops' is not a number.")]
    [InlineData("x,y\n1,abc\n", "Line 2, column 'y': 'abc' is not a number.")]
    [InlineData("x,y\n1,\n", "Line 2, column 'y': '' is not a number.")]
    [InlineData("x;y\n1;2\n", "Line 2, column 'x;y': '1;2' is not a number.")]
    [InlineData("x,y\nNaN,1\n", "Line 2, column 'x': 'NaN' is not a finite number.")]
    [InlineData("x,y\n1,Infinity\n", "Line 2, column 'y': 'Infinity' is not a finite number.")]
    [InlineData("x,y\n1,-Infinity\n", "Line 2, column 'y': '-Infinity' is not a finite number.")]
    [InlineData("x,y\n1,1e400\n", "Line 2, column 'y': '1e400' is not a finite number.")]
    [InlineData(",y\n1,oops\n", "Line 2, column 'y': 'oops' is not a number.")]
    [InlineData(",y\nx,1\n", "Line 2, column 'column 1': 'x' is not a number.")]
    public void A_malformed_file_is_refused_naming_the_problem(string text, string message) =>
        Assert.Equal(message, Refusal(text));

    [Fact]
    public void Blank_lines_are_skipped_also_with_one_column()
    {
        var data = CsvDatasetReader.Read(new StringReader("x\n1\n\n2\n"), "t");

        Assert.Equal(2, data.Count);
        Assert.Equal([1.0, 2.0], data.Points.ToArray());
    }

    [Fact]
    public void Thousands_of_features_are_read()
    {
        const int d = 3000;
        string header = string.Join(',', Enumerable.Range(0, d).Select(j => $"f{j}")) + ",label";
        string row(int i) => string.Join(',', Enumerable.Range(0, d).Select(j => (i * d + j).ToString(System.Globalization.CultureInfo.InvariantCulture))) + ",c";
        var data = CsvDatasetReader.Read(new StringReader($"{header}\n{row(0)}\n{row(1)}\n"), "t");

        Assert.Equal(d, data.Dimension);
        Assert.Equal(2, data.Count);
        Assert.Equal(2 * d - 1, data.Row(1)[d - 1]);
    }

    [Fact]
    public void A_file_larger_than_the_memory_limit_is_refused_with_the_line_and_the_bytes()
    {
        string text = "x,y\n" + string.Concat(Enumerable.Repeat("1,2\n", 1000));

        string message = Refusal(text, memoryLimitBytes: 4096);

        Assert.StartsWith("Reading 't' (line ", message);
        Assert.Contains("needs about", message);
        Assert.Contains("more than the 4.0 KiB this process may use", message);
    }

    [Fact]
    public void The_same_file_within_the_limit_is_read()
    {
        string text = "x,y\n" + string.Concat(Enumerable.Repeat("1,2\n", 1000));

        Assert.Equal(1000, CsvDatasetReader.Read(new StringReader(text), "t", memoryLimitBytes: 1 << 20).Count);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cheeger-missing-{Guid.NewGuid():N}.csv");

        var error = Assert.Throws<ClusteringInputException>(() => CsvDatasetReader.Load(path));

        Assert.Equal($"Input file '{path}' does not exist.", error.Message);
    }
}
