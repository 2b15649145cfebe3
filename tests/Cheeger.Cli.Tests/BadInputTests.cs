using Cheeger.Backends;
using Cheeger.Clustering;

namespace Cheeger.Cli.Tests;

/// <summary>Every bad input gives a non-zero exit code and exactly one stderr line naming the problem.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TestFiles _files = new();
    private static readonly string Wine = TestFiles.Data("wine.csv");

    public void Dispose() => _files.Dispose();

    private static void AssertOneError(CliRun run, int exitCode, params string[] mentions)
    {
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal("", run.Stdout);
        string line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: ", line);
        foreach (string mention in mentions) Assert.Contains(mention, line);
        Assert.DoesNotContain("   at ", run.Stderr); // no stack trace without -v
    }

    [Fact]
    public void Missing_file() =>
        AssertOneError(CliRun.Of("cluster", _files.Scratch("nothing.csv"), "--method", "kmeans", "--k", "3"), 2, "nothing.csv", "does not exist");

    [Theory]
    [InlineData("kmeans")]
    [InlineData("iso")]
    public void K_of_zero(string method) =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", method, "--k", "0", "--backend", "serial"), 2, "--k", "at least 1");

    [Fact]
    public void K_above_n() =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "179", "--backend", "serial"), 2, "--k = 179", "n = 178");

    [Fact]
    public void Non_numeric_cell()
    {
        string path = _files.Write("bad.csv", "x,y,label\n1,2,a\n3,oops,b\n");

        AssertOneError(CliRun.Of("cluster", path, "--method", "kmeans", "--k", "1", "--backend", "serial"), 2, "Line 3", "'y'", "oops");
    }

    [Fact]
    public void Unknown_backend() =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "3", "--backend", "quantum"), 2, "quantum", "serial, parallel");

    [Fact]
    public void Unknown_method() =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", "dbscan", "--k", "3"), 2, "--method", "dbscan", "kmeans, iso");

    [Fact]
    public void Missing_k() => AssertOneError(CliRun.Of("cluster", Wine, "--method", "kmeans"), 2, "--k");

    [Fact]
    public void Non_integer_k() => AssertOneError(CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "three"), 2, "three", "--k");

    [Fact]
    public void An_option_of_the_other_method() =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "3", "--kernel", "gauss"), 2, "--kernel", "--method kmeans");

    [Fact]
    public void A_negative_sigma() =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", "iso", "--k", "3", "--sigma", "-1", "--backend", "serial"), 2, "--sigma");

    [Fact]
    public void Plot_tree_without_plot() =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", "iso", "--k", "3", "--plot-tree"), 2, "--plot-tree", "--plot");

    [Fact]
    public void Compare_checks_its_input_too() =>
        AssertOneError(CliRun.Of("compare", Wine, "--method", "kmeans", "--k", "0"), 2, "--k");

    [Fact]
    public void Single_precision_on_a_backend_that_computes_in_double_is_refused_with_the_reason() =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "3", "--backend", "serial", "--precision", "single"), 1,
            "serial", "double only");

    [Fact]
    public void A_spanning_tree_the_backend_lacks_is_refused_with_what_it_offers() =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", "iso", "--k", "3", "--backend", "serial", "--spanning-tree", "kdtree"), 1,
            "serial", "no kdtree spanning tree", "auto, prim");

    [Fact]
    public void An_unknown_spanning_tree_names_the_choices() =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", "iso", "--k", "3", "--spanning-tree", "kruskal"), 2,
            "--spanning-tree", "auto, prim, boruvka, kdtree");

    [Fact]
    public void Spanning_tree_is_an_isoperimetric_option() =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "3", "--spanning-tree", "prim"), 2, "--spanning-tree", "--method kmeans");

    [Fact]
    public void Precision_is_a_k_means_option() =>
        AssertOneError(CliRun.Of("cluster", Wine, "--method", "iso", "--k", "3", "--precision", "single"), 2, "--precision", "--method iso");

    [Fact]
    public void An_unavailable_backend_is_a_runtime_error()
    {
        if (BackendRegistry.Find("native-cuda").Availability(ClusteringMethod.KMeans).IsAvailable)
            Assert.Skip("native-cuda can run on this machine.");

        AssertOneError(CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "3", "--backend", "native-cuda"), 1, "native-cuda");
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_after_the_error_line()
    {
        var run = CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "0", "--backend", "serial", "-v");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --k must be at least 1", run.StderrLines.First(line => line.StartsWith("error:", StringComparison.Ordinal)));
        Assert.Contains("   at ", run.Stderr);
    }
}
