using Cheeger.Backends;
using Cheeger.Clustering;

namespace Cheeger.Cli.Tests;

/// <summary>
/// Malformed files, degenerate data and inputs too large for a method: one <c>error:</c> line on stderr with the
/// library's message, a non-zero exit code, no stack trace (it comes only with <c>-v</c>).
/// </summary>
public sealed class InputFaultTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static void AssertOneError(CliRun run, string expectedLine)
    {
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(expectedLine, Assert.Single(run.StderrLines));
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    private CliRun Cluster(string fileName, string text, params string[] options) =>
        CliRun.Of(["cluster", _files.Write(fileName, text), .. options]);

    [Theory]
    [InlineData("empty.csv", "", "error: 'empty' is empty: expected a header row and at least one data row.")]
    [InlineData("header.csv", "x,y,label\n", "error: 'header' has a header but no data rows.")]
    [InlineData("ragged.csv", "x,y\n1,2\n3\n", "error: Line 3: 1 fields, but the header has 2.")]
    [InlineData("nan.csv", "x,y\n1,2\nNaN,3\n", "error: Line 3, column 'x': 'NaN' is not a finite number.")]
    [InlineData("inf.csv", "x,y\n1,-Infinity\n", "error: Line 2, column 'y': '-Infinity' is not a finite number.")]
    [InlineData("labels.csv", "label\na\nb\n", "error: 'labels' has no feature columns (only 'label').")]
    public void A_malformed_file_is_one_error_line(string fileName, string text, string expectedLine) =>
        AssertOneError(Cluster(fileName, text, "--method", "kmeans", "--k", "1", "--backend", "serial"), expectedLine);

    [Theory]
    [InlineData("kmeans")]
    [InlineData("iso")]
    public void K_above_n_on_a_one_point_file(string method) =>
        AssertOneError(Cluster("one.csv", "x,y\n1,2\n", "--method", method, "--k", "2", "--backend", "parallel"),
            "error: --k = 2 exceeds the number of points n = 1.");

    [Theory]
    [InlineData("kmeans")]
    [InlineData("iso")]
    public void One_point_and_k_of_one_is_clustered(string method)
    {
        var run = Cluster("one.csv", "x,y\n1,2\n", "--method", method, "--k", "1", "--backend", "serial");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }

    [Theory]
    [InlineData("kmeans", "serial")]
    [InlineData("kmeans", "parallel")]
    [InlineData("iso", "serial")]
    [InlineData("iso", "parallel")]
    public void Identical_points_are_clustered(string method, string backend)
    {
        var run = Cluster("same.csv", "x,y\n" + string.Concat(Enumerable.Repeat("4,4\n", 30)), "--method", method, "--k", "3", "--backend", backend);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Coordinates_too_large_for_k_means_are_refused_with_the_limit()
    {
        var run = Cluster("huge.csv", "x\n1e300\n-1e300\n0\n", "--method", "kmeans", "--k", "2", "--backend", "serial");

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        string line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: Coordinates up to 1E+300 in magnitude are too large for k-means of n = 3 points in d = 1 dimensions", line);
    }

    [Fact]
    public void A_gauss_sigma_whose_square_underflows_is_refused() =>
        AssertOneError(Cluster("few.csv", "x\n0\n1\n2\n", "--method", "iso", "--k", "2", "--kernel", "gauss", "--sigma", "1e-200", "--backend", "serial"),
            "error: --sigma = 1E-200 is out of range for --kernel gauss: σ² must be a positive finite double (σ between about 1e-154 and 1e154).");

    [Fact]
    public void Verbose_adds_the_stack_trace_to_a_file_error()
    {
        var run = Cluster("ragged.csv", "x,y\n1,2\n3\n", "--method", "kmeans", "--k", "1", "-v");

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Equal("error: Line 3: 1 fields, but the header has 2.", run.StderrLines.First(l => l.StartsWith("error:", StringComparison.Ordinal)));
        Assert.Contains("   at ", run.Stderr);
    }

    [Theory]
    [InlineData("kmeans")]
    [InlineData("iso")]
    public void Auto_logs_one_line_naming_each_backend_it_passed_over_and_why(string method)
    {
        if (BackendRegistry.Find("native-cuda").Availability(method == "kmeans" ? ClusteringMethod.KMeans : ClusteringMethod.Isoperimetric).IsAvailable)
            Assert.Skip("native-cuda can run here, so auto passes nothing over.");

        var run = CliRun.Of("cluster", TestFiles.Data("wine.csv"), "--method", method, "--k", "3", "-v");

        Assert.Equal(0, run.ExitCode);
        string line = Assert.Single(run.StderrLines, l => l.StartsWith("info: --backend auto chose ", StringComparison.Ordinal));
        Assert.Contains("; skipped native-cuda: ", line);
    }
}
