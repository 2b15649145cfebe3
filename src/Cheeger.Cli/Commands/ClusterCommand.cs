using System.CommandLine;
using Cheeger.Backends;
using Cheeger.Cli.Output;
using Cheeger.Cli.Plotting;
using Cheeger.Cli.Running;
using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Microsoft.Extensions.Logging;

namespace Cheeger.Cli.Commands;

/// <summary><c>cheeger cluster</c>: one method on one backend; labels to a file, a summary or JSON to stdout.</summary>
internal sealed class ClusterCommand
{
    private readonly MethodOptions _method = new();

    private readonly Option<string> _backend = new("--backend")
    {
        Description = "Where to run; auto picks the first that can run of " +
            string.Join(", ", BackendRegistry.AutoPreference(new BackendSettings()).Select(p => p.Name)) + " (ilgpu on CUDA only).",
        HelpName = string.Join('|', [BackendSet.Auto, .. BackendRegistry.Names]),
        DefaultValueFactory = _ => BackendSet.Auto,
    };

    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write the labels here (CSV, header 'cluster', −1 = outlier)." };

    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object on stdout instead of the summary." };

    private readonly Option<string?> _plot = new("--plot") { Description = "Write a PNG scatter plot (first two features, or PCA when d > 2)." };

    private readonly Option<bool> _plotTree = new("--plot-tree") { Description = "iso: draw the spanning tree's edges in the plot." };

    private readonly Option<string?> _stages = new("--stages") { Description = "iso: write the tree stages and the ε search as JSON." };

    /// <summary>The command, wired to <paramref name="context"/>.</summary>
    public Command Build(CliContext context)
    {
        var command = new Command("cluster", "Cluster a CSV file with one method on one backend.");
        _method.AddTo(command);
        foreach (Option option in (Option[])[_backend, _output, _json, _plot, _plotTree, _stages]) command.Add(option);
        command.SetAction(parse => Execute(parse, context));
        return command;
    }

    private int Execute(ParseResult parse, CliContext context)
    {
        using var loggers = context.CreateLoggerFactory(parse);
        var logger = loggers.CreateLogger("cheeger");
        string? plotPath = parse.GetValue(_plot), stagesPath = parse.GetValue(_stages), outputPath = parse.GetValue(_output);
        bool plotTree = parse.GetValue(_plotTree);
        var settings = _method.Read(parse, includeTree: plotTree || stagesPath is not null);
        if (settings.Choice.Method != ClusteringMethod.Isoperimetric) MethodOptions.RejectGiven(parse, [_plotTree, _stages], settings.Choice.Method);
        if (plotTree && plotPath is null) throw new ClusteringInputException("--plot-tree needs --plot.");

        var data = InputLoader.Load(settings, logger, out double loadSeconds);
        using var backends = new BackendSet(logger);
        var phases = new PhaseTimings();
        bool json = parse.GetValue(_json);
        var progress = context.CreateProgress(quiet: json);
        var request = settings.Choice.For(data, phases, progress.Sink);
        string backendName = parse.GetValue(_backend)!;
        var prepared = request.Prepare(backends, backendName);
        if (backendName == BackendSet.Auto) AutoChoiceLog.Write(logger, backends.LastAutoChoice);
        var backend = prepared.Backend;
        var outcome = progress.Run($"{settings.Choice.Method.CliName()} on {data.Name} ({backend.Name})", () => MethodRunner.Run(prepared));
        foreach (var phase in outcome.Result.Timings.Phases) phases.Add(phase.Key, phase.Value);
        logger.LogDebug("{Backend} finished in {Seconds:0.000000} s", backend.Name, outcome.Seconds);

        int[] labels = outcome.OutputLabels;
        if (outputPath is not null) LabelsWriter.Write(outputPath, labels);
        if (plotPath is not null)
        {
            var tree = plotTree ? (outcome.Result as IsoperimetricResult)?.Tree : null;
            if (tree is not null && tree.Count > ClusterPlot.MaxTreeEdges)
                logger.LogWarning("The plot leaves out the tree: {N} edges are more than {Max}.", tree.Count - 1, ClusterPlot.MaxTreeEdges);
            ClusterPlot.Write(plotPath, data, labels, request.Standardizes,
                tree, $"{settings.Choice.Method.CliName()}, k = {request.K}, on {data.Name} ({backend.Name})");
        }
        if (stagesPath is not null) StagesWriter.Write(stagesPath, (IsoperimetricResult)outcome.Result);

        var report = new ClusterReport(RunFacts.Of(outcome, data) with
        {
            Seconds = phases["initial_centroids"] + outcome.Seconds,
            Phases = phases.Phases.ToDictionary(p => p.Key, p => p.Value),
        })
        {
            Method = settings.Choice.Method.CliName(),
            Input = settings.InputPath,
            N = data.Count,
            D = data.Dimension,
            K = request.K,
            Seed = request.Seed,
            Workers = request.Workers,
            LabelsPath = outputPath,
            Labelling = outcome.IsFullLabelling ? "full" : "raw",
            LoadSeconds = loadSeconds,
            BackendDetail = backend.Availability.Reason,
            PlotPath = plotPath,
            StagesPath = stagesPath,
        };
        if (json) JsonOutput.Write(context.Out, report);
        else ClusterSummary.Write(context.CreateStdoutConsole(), report);
        return ExitCodes.Success;
    }
}
