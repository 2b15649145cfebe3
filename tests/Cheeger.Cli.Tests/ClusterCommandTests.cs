using System.Text.Json;

namespace Cheeger.Cli.Tests;

public sealed class ClusterCommandTests : IDisposable
{
    private readonly TestFiles _files = new();
    private static readonly string Wine = TestFiles.Data("wine.csv");
    private static readonly string Iris = TestFiles.Data("iris.csv");

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("serial")]
    [InlineData("parallel")]
    public void Writes_one_label_per_row_in_input_order(string backend)
    {
        string output = _files.Scratch("labels.csv");

        var run = CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "3", "--backend", backend, "--seed", "7", "--output", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal("cluster", lines[0]);
        Assert.Equal(178, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.InRange(int.Parse(line), 0, 2));
        Assert.Equal(3, lines.Skip(1).Distinct().Count());
        Assert.Contains(backend, run.Stdout);
        Assert.Contains("misclassification", run.Stdout);
    }

    [Fact]
    public void Sample_clusters_the_same_seeded_rows_every_time()
    {
        string first = _files.Scratch("first.csv"), second = _files.Scratch("second.csv"), other = _files.Scratch("other.csv");
        string[] common = ["cluster", Wine, "--method", "kmeans", "--k", "3", "--backend", "serial", "--sample", "60", "--json"];

        var run = CliRun.Of([.. common, "--output", first]);
        Assert.Equal(0, CliRun.Of([.. common, "--output", second]).ExitCode);
        Assert.Equal(0, CliRun.Of([.. common, "--sample-seed", "2", "--output", other]).ExitCode);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(60, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("n").GetInt32());
        Assert.Equal(61, File.ReadAllLines(first).Length);
        Assert.Equal(File.ReadAllLines(first), File.ReadAllLines(second));
        var sampled = CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "3", "--sample", "0");
        Assert.NotEqual(0, sampled.ExitCode);
        Assert.Contains("sample size", sampled.Stderr);
    }

    [Fact]
    public void Serial_and_parallel_write_the_same_labels_for_any_worker_count()
    {
        string serial = _files.Scratch("serial.csv"), parallel1 = _files.Scratch("p1.csv"), parallel2 = _files.Scratch("p2.csv");

        Assert.Equal(0, CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "4", "--backend", "serial", "--seed", "11", "--output", serial).ExitCode);
        Assert.Equal(0, CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "4", "--backend", "parallel", "--seed", "11", "--workers", "1", "--output", parallel1).ExitCode);
        Assert.Equal(0, CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "4", "--backend", "parallel", "--seed", "11", "--workers", "2", "--output", parallel2).ExitCode);

        Assert.Equal(File.ReadAllText(serial), File.ReadAllText(parallel1));
        Assert.Equal(File.ReadAllText(serial), File.ReadAllText(parallel2));
    }

    [Theory]
    [InlineData("prim")]
    [InlineData("boruvka")]
    [InlineData("kdtree")]
    [InlineData("auto")]
    public void Every_spanning_tree_gives_the_serial_labels(string spanningTree)
    {
        string serial = _files.Scratch("serial.csv"), parallel = _files.Scratch($"{spanningTree}.csv");

        Assert.Equal(0, CliRun.Of("cluster", Wine, "--method", "iso", "--k", "3", "--backend", "serial", "--output", serial).ExitCode);
        Assert.Equal(0, CliRun.Of("cluster", Wine, "--method", "iso", "--k", "3", "--backend", "parallel", "--spanning-tree", spanningTree, "--output", parallel).ExitCode);

        Assert.Equal(File.ReadAllText(serial), File.ReadAllText(parallel));
    }

    [Fact]
    public void Ilgpu_iso_writes_the_serial_labels()
    {
        string serial = _files.Scratch("serial.csv"), ilgpu = _files.Scratch("ilgpu.csv");

        Assert.Equal(0, CliRun.Of("cluster", Wine, "--method", "iso", "--k", "3", "--backend", "serial", "--output", serial).ExitCode);
        var run = CliRun.Of("cluster", Wine, "--method", "iso", "--k", "3", "--backend", "ilgpu", "--output", ilgpu);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ilgpu", run.Stdout);
        Assert.Equal(File.ReadAllText(serial), File.ReadAllText(ilgpu));
    }

    [Fact]
    public void Json_is_one_object_on_stdout_with_the_contract_fields()
    {
        string output = _files.Scratch("labels.csv");

        var run = CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "3", "--backend", "serial", "--json", "--output", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("kmeans", root.GetProperty("method").GetString());
        Assert.Equal("serial", root.GetProperty("backend").GetString());
        Assert.Equal(178, root.GetProperty("n").GetInt32());
        Assert.Equal(13, root.GetProperty("d").GetInt32());
        Assert.Equal(3, root.GetProperty("k").GetInt32());
        Assert.Equal(output, root.GetProperty("labels_path").GetString());
        Assert.True(root.GetProperty("seconds").GetDouble() > 0);
        var phases = root.GetProperty("phases");
        Assert.True(phases.GetProperty("initial_centroids").GetDouble() >= 0);
        Assert.True(phases.EnumerateObject().Count() >= 2, "the backend's own phases are reported too");
        Assert.InRange(root.GetProperty("iterations").GetInt32(), 1, 300);
        Assert.True(root.GetProperty("inertia").GetDouble() > 0);
        var metrics = root.GetProperty("metrics");
        Assert.InRange(metrics.GetProperty("misclassification_rate").GetDouble(), 0, 1);
        Assert.InRange(metrics.GetProperty("adjusted_rand_index").GetDouble(), -1, 1);
        Assert.False(root.TryGetProperty("epsilon_high", out _), "k-means reports no isoperimetric fields");
    }

    [Fact]
    public void Json_reports_a_null_labels_path_and_no_metrics_without_output_and_label_column()
    {
        string unlabelled = _files.Write("points.csv", "x,y\n0,0\n0,1\n10,10\n10,11\n");

        var run = CliRun.Of("cluster", unlabelled, "--method", "kmeans", "--k", "2", "--backend", "serial", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("labels_path").ValueKind);
        Assert.False(json.RootElement.TryGetProperty("metrics", out _));
        Assert.Equal(2, json.RootElement.GetProperty("clusters").GetInt32());
    }

    [Fact]
    public void Iso_json_reports_the_search_and_scores_iris()
    {
        var run = CliRun.Of("cluster", Iris, "--method", "iso", "--k", "3", "--backend", "serial", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("iso", root.GetProperty("method").GetString());
        double high = root.GetProperty("epsilon_high").GetDouble(), low = root.GetProperty("epsilon_low").GetDouble();
        Assert.True(low <= high);
        Assert.InRange(root.GetProperty("cost").GetDouble(), 0, high);
        Assert.True(root.GetProperty("sigma").GetDouble() > 0);
        Assert.True(root.GetProperty("outliers").GetInt32() >= 0);
        Assert.Equal("raw", root.GetProperty("labelling").GetString());
        Assert.False(root.TryGetProperty("seed", out _), "iso takes no seed");
        Assert.InRange(root.GetProperty("metrics").GetProperty("misclassification_rate").GetDouble(), 0, 1);
    }

    [Fact]
    public void Iso_full_writes_a_label_for_every_point()
    {
        string output = _files.Scratch("full.csv");

        var run = CliRun.Of("cluster", Iris, "--method", "iso", "--k", "3", "--beta", "0.5", "--full", "--backend", "serial", "--json", "--output", output);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("full", json.RootElement.GetProperty("labelling").GetString());
        string[] lines = File.ReadAllLines(output);
        Assert.Equal(150, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.InRange(int.Parse(line), 0, 2));
    }

    [Fact]
    public void Stages_hold_the_spanning_tree_and_the_search()
    {
        string stages = _files.Scratch("stages.json");

        var run = CliRun.Of("cluster", Iris, "--method", "iso", "--k", "3", "--backend", "parallel", "--stages", stages);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(stages));
        var root = json.RootElement;
        Assert.Equal(150, root.GetProperty("n").GetInt32());
        int[] parent = [.. root.GetProperty("parent").EnumerateArray().Select(e => e.GetInt32())];
        Assert.Equal(150, parent.Length);
        Assert.Single(parent, p => p == -1);
        foreach (string array in (string[])["edge_length", "depth", "sibling_rank", "order"])
            Assert.Equal(150, root.GetProperty(array).GetArrayLength());
        Assert.True(root.GetProperty("epsilon_low").GetDouble() <= root.GetProperty("epsilon_high").GetDouble());
        Assert.True(root.GetProperty("sigma").GetDouble() > 0);
        Assert.True(root.TryGetProperty("cost", out _));
    }

    [Theory]
    [InlineData("kmeans", "wine.csv")]
    [InlineData("iso", "iris.csv")]
    public void Plot_writes_a_png(string method, string dataFile)
    {
        string plot = _files.Scratch("plot.png");
        string[] tree = method == "iso" ? ["--plot-tree"] : [];

        var run = CliRun.Of(["cluster", TestFiles.Data(dataFile), "--method", method, "--k", "3", "--backend", "serial", "--plot", plot, .. tree]);

        Assert.Equal(0, run.ExitCode);
        byte[] png = File.ReadAllBytes(plot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.True(png.Length > 10_000, $"a {png.Length}-byte PNG is too small to hold the scatter plot");
    }

    [Fact]
    public void Auto_picks_an_available_backend_and_says_why_with_verbose()
    {
        var run = CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "3", "--json", "-v");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        string? backend = json.RootElement.GetProperty("backend").GetString();
        Assert.Contains(backend, (string[])["native-cuda", "ilgpu", "native-cpu", "parallel"]);
        Assert.Single(run.StderrLines, line => line.StartsWith("info: --backend auto chose " + backend, StringComparison.Ordinal));
    }

    [Fact]
    public void Stays_quiet_on_stderr_without_verbose()
    {
        var run = CliRun.Of("cluster", Wine, "--method", "kmeans", "--k", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }
}
