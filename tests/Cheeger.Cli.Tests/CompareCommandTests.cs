using System.Text.Json;
using Cheeger.Backends;

namespace Cheeger.Cli.Tests;

public sealed class CompareCommandTests
{
    private static readonly string Wine = TestFiles.Data("wine.csv");
    private static readonly string Iris = TestFiles.Data("iris.csv");

    [Fact]
    public void Table_lists_every_backend_with_agreement_and_metrics()
    {
        var run = CliRun.Of("compare", Wine, "--method", "kmeans", "--k", "3", "--seed", "3");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.Split('\n');
        Assert.Contains(lines, line => line.Contains("same as serial") && line.Contains("misclassification") && line.Contains("ARI"));
        foreach (string name in BackendRegistry.Names)
        {
            string row = Assert.Single(lines, line => line.StartsWith($"│ {name} ", StringComparison.Ordinal));
            Assert.True(row.Contains("│ yes ") || row.Contains("unavailable:"), $"{name}: neither agreeing nor unavailable: {row}");
        }
        Assert.Contains("│ yes ", Assert.Single(lines, line => line.StartsWith("│ parallel ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Single_precision_runs_where_it_is_offered_and_lists_the_others_with_the_reason()
    {
        var run = CliRun.Of("compare", Wine, "--method", "kmeans", "--k", "3", "--precision", "single", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        foreach (var row in json.RootElement.GetProperty("backends").EnumerateArray())
        {
            string name = row.GetProperty("backend").GetString()!;
            if (BackendRegistry.Find(name).OffersSinglePrecision) continue;
            Assert.False(row.GetProperty("available").GetBoolean(), $"{name} computes in double only, yet it ran");
            Assert.Contains("double only", row.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public void A_spanning_tree_choice_runs_where_it_is_offered_and_lists_the_others_with_the_reason()
    {
        var run = CliRun.Of("compare", Wine, "--method", "iso", "--k", "3", "--spanning-tree", "kdtree", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var rows = json.RootElement.GetProperty("backends").EnumerateArray().ToDictionary(r => r.GetProperty("backend").GetString()!);
        Assert.False(rows["serial"].GetProperty("available").GetBoolean());
        Assert.Contains("no kdtree spanning tree", rows["serial"].GetProperty("reason").GetString());
        Assert.True(rows["parallel"].GetProperty("available").GetBoolean());
    }

    [Fact]
    public void Json_gives_every_backend_its_agreement_with_serial_or_its_reason()
    {
        var run = CliRun.Of("compare", Wine, "--method", "kmeans", "--k", "3", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var rows = json.RootElement.GetProperty("backends").EnumerateArray().ToArray();
        Assert.Equal(BackendRegistry.Names, rows.Select(r => r.GetProperty("backend").GetString()));
        foreach (var row in rows)
        {
            if (row.GetProperty("available").GetBoolean())
            {
                var agreement = row.GetProperty("agreement");
                Assert.True(agreement.GetProperty("identical").GetBoolean(), row.GetProperty("backend").GetString());
                Assert.Equal(0, agreement.GetProperty("differing_points").GetInt32());
                Assert.True(row.GetProperty("seconds").GetDouble() > 0);
                Assert.True(row.GetProperty("iterations").GetInt32() >= 1);
                Assert.InRange(row.GetProperty("metrics").GetProperty("adjusted_rand_index").GetDouble(), -1, 1);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("reason").GetString()));
                Assert.False(row.TryGetProperty("agreement", out _));
            }
        }
        Assert.Contains(rows, r => r.GetProperty("backend").GetString() == "parallel" && r.GetProperty("available").GetBoolean());
    }

    [Fact]
    public void Iso_rows_report_epsilon_and_cost()
    {
        var run = CliRun.Of("compare", Iris, "--method", "iso", "--k", "3", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var ran = json.RootElement.GetProperty("backends").EnumerateArray().Where(r => r.GetProperty("available").GetBoolean()).ToArray();
        Assert.True(ran.Length >= 2, "serial and parallel run everywhere");
        foreach (var row in ran)
        {
            Assert.True(row.GetProperty("agreement").GetProperty("identical").GetBoolean());
            Assert.True(row.GetProperty("epsilon_high").GetDouble() > 0);
            Assert.True(row.TryGetProperty("cost", out _));
        }
    }
}
