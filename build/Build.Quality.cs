using System.Globalization;
using System.Text;
using System.Text.Json;
using Cheeger.Build.Engine;

namespace Cheeger.Build;

internal sealed partial class Build
{
    private const string QualityReport = "artifacts/quality.md";

    /// <summary>One row of the quality table: a bundled data set, k, and the CLI arguments that pick its sample.</summary>
    private sealed record QualityCase(string Name, string File, int K, string[] Extra);

    // The paper's data sets with its k (Wine Quality also with k = 7, its number of classes), then the other bundled sets.
    private static readonly QualityCase[] QualityCases =
    [
        new("Wine", "wine.csv", 3, []),
        new("Skin (2000 rows, sample seed 1)", "skin_segmentation.csv", 2, ["--sample", "2000", "--sample-seed", "1"]),
        new("Yeast", "yeast.csv", 10, []),
        new("Wine Quality (white)", "winequality_white.csv", 10, []),
        new("Wine Quality (white)", "winequality_white.csv", 7, []),
        new("Iris", "iris.csv", 3, []),
        new("Seeds", "seeds.csv", 3, []),
        new("WDBC", "wdbc.csv", 2, []),
        new("s1", "s1.csv", 15, []),
        new("s2", "s2.csv", 15, []),
        new("s3", "s3.csv", 15, []),
        new("s4", "s4.csv", 15, []),
        new("a1", "a1.csv", 20, []),
    ];

    private Target Quality => _ => _
        .Description($"Misclassification and ARI of iso (raw and full labelling) and k-means on the bundled data sets; table in {QualityReport}.")
        .DependsOn(Compile)
        .Executes(async () =>
        {
            var table = new StringBuilder()
                .AppendLine("| data set | n | D | k | iso misclassification (raw / full) | iso outliers | iso ARI (raw / full) | k-means misclassification | k-means ARI |")
                .AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var c in QualityCases)
            {
                string[] common = ["--k", Invariant(c.K), "--backend", "parallel", "--json", .. c.Extra];
                var raw = await ClusterJsonAsync(["data/" + c.File, "--method", "iso", .. common]);
                var full = await ClusterJsonAsync(["data/" + c.File, "--method", "iso", "--full", .. common]);
                var kmeans = await ClusterJsonAsync(["data/" + c.File, "--method", "kmeans", "--seed", "0", .. common]);
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {c.Name} | {raw.GetProperty("n")} | {raw.GetProperty("d")} | {c.K} | {Rate(raw)} / {Rate(full)} | {raw.GetProperty("outliers")} | " +
                    $"{Ari(raw)} / {Ari(full)} | {Rate(kmeans)} | {Ari(kmeans)} |");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(QualityReport)!);
            await File.WriteAllTextAsync(QualityReport, table.ToString());
            Console.WriteLine(table);
        });

    private async Task<JsonElement> ClusterJsonAsync(string[] arguments)
    {
        string json = await Tool.CaptureAsync("dotnet",
            ["run", "--project", CliProject, "-c", Configuration.ToString(), "--no-build", "--", "cluster", .. arguments]);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static string Rate(JsonElement result) =>
        result.GetProperty("metrics").GetProperty("misclassification_rate").GetDouble().ToString("0.000", CultureInfo.InvariantCulture);

    private static string Ari(JsonElement result) =>
        result.GetProperty("metrics").GetProperty("adjusted_rand_index").GetDouble().ToString("0.000", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
