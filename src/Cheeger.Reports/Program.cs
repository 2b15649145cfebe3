using System.CommandLine;
using Cheeger.Reports;

// docs: renders docs/benchmarks.md's regions and charts (./build.sh Report); gpu: the GPU bundle's gpu-report.md.
var root = new RootCommand("Benchmark reports from BenchmarkDotNet's JSON exports.");

var repository = new Option<string>("--repository") { Description = "The repository root.", DefaultValueFactory = _ => "." };
var import = new Option<string?>("--import") { Description = "First copy the exports of a benchmark run (its --artifacts folder) into docs/benchmarks/exports." };
var check = new Option<bool>("--check") { Description = "Change nothing; fail when docs/benchmarks.md differs from a re-render." };
var docs = new Command("docs", "Renders docs/benchmarks.md's generated regions and the charts in docs/img.") { repository, import, check };
docs.SetAction(parse =>
{
    string folder = parse.GetValue(repository)!;
    var report = DocsReport.InRepository(folder);
    if (parse.GetValue(check))
    {
        if (File.ReadAllText(report.Document) == report.Render()) return 0;
        Console.Error.WriteLine($"{report.Document} differs from a re-render of its exports: run ./build.sh Report.");
        return 1;
    }
    if (parse.GetValue(import) is { } artifacts)
    {
        foreach (string suite in ExportImport.Import(artifacts, Path.Combine(folder, "docs", "benchmarks", "exports"))) Console.WriteLine($"imported {suite}");
    }
    foreach (string chart in report.Write()) Console.WriteLine($"wrote {chart}");
    Console.WriteLine($"rendered {report.Document}");
    return 0;
});

var results = new Option<string>("--results") { Description = "run-gpu.sh's results folder.", Required = true };
var device = new Option<string>("--device") { Description = "The device, as nvidia-smi names it.", DefaultValueFactory = _ => "none" };
var output = new Option<string>("--output") { Description = "Where the report goes.", Required = true };
var gpu = new Command("gpu", "Writes the GPU bundle's gpu-report.md from a run's results.") { results, device, output };
gpu.SetAction(parse =>
{
    string text = GpuReport.Render(parse.GetValue(results)!, parse.GetValue(device)!);
    File.WriteAllText(parse.GetValue(output)!, text);
    Console.Write(text);
    return 0;
});

root.Subcommands.Add(docs);
root.Subcommands.Add(gpu);
return root.Parse(args).Invoke();
