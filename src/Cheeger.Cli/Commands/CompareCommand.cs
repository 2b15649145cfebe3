using System.CommandLine;
using Cheeger.Cli.Backends;
using Cheeger.Cli.Output;
using Cheeger.Cli.Running;
using Cheeger.Clustering;
using Cheeger.Clustering.Metrics;
using Microsoft.Extensions.Logging;

namespace Cheeger.Cli.Commands;

/// <summary>
/// <c>cheeger compare</c>: the same input, options and seed on every backend, with timings and the agreement
/// of each backend's labels with the reference's; backends that cannot run are listed with the reason.
/// </summary>
internal sealed class CompareCommand
{
    private readonly MethodOptions _method = new();

    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object on stdout instead of the table." };

    /// <summary>The command, wired to <paramref name="context"/>.</summary>
    public Command Build(CliContext context)
    {
        var command = new Command("compare", "Run every available backend on the same input and compare labels and timings.");
        _method.AddTo(command);
        command.Add(_json);
        command.SetAction(parse => Execute(parse, context));
        return command;
    }

    private int Execute(ParseResult parse, CliContext context)
    {
        using var loggers = context.CreateLoggerFactory(parse);
        var logger = loggers.CreateLogger("cheeger");
        var settings = _method.Read(parse, includeTree: false);
        var data = InputLoader.Load(settings, logger, out _);
        using var catalog = new BackendCatalog(logger);
        var progress = context.CreateProgress();

        double[]? centroids = settings.Method == ClusteringMethod.KMeans
            ? MethodRunner.InitialCentroids(data, settings.KMeans, new PhaseTimings())
            : null;
        var rows = new List<CompareRow>();
        var labels = new Dictionary<string, int[]>();
        foreach (string name in BackendCatalog.Names)
        {
            var (backend, availability) = catalog.Find(settings.Method, name);
            if (backend is null || !availability.IsAvailable)
            {
                rows.Add(new CompareRow(name) { Available = false, Reason = availability.Reason });
                continue;
            }
            try
            {
                var outcome = progress.Run($"{settings.Method.CliName()} on {data.Name}: {name}",
                    () => MethodRunner.Run(backend, data, settings, centroids));
                labels[name] = outcome.OutputLabels;
                rows.Add(new CompareRow(RunFacts.Of(outcome, data)) { Available = true, Reason = availability.Reason });
            }
            catch (Exception e) when (e is not ClusteringInputException and not OutOfMemoryException)
            {
                // One failing backend must not hide the others; the exit code reports it.
                logger.LogError(e, "{Backend} failed", name);
                rows.Add(new CompareRow(name) { Available = true, Reason = availability.Reason, Error = e.Message });
            }
        }

        if (labels.TryGetValue(BackendCatalog.Reference, out int[]? reference))
        {
            for (int r = 0; r < rows.Count; r++)
            {
                if (labels.TryGetValue(rows[r].Backend, out int[]? own))
                    rows[r] = rows[r] with { Agreement = LabelAgreement.Compare(reference, own) };
            }
        }

        var report = new CompareReport(settings.Method.CliName(), settings.InputPath, data.Count, data.Dimension, settings.K,
            BackendCatalog.Reference, rows);
        if (parse.GetValue(_json)) JsonOutput.Write(context.Out, report);
        else CompareTable.Write(context.CreateStdoutConsole(), report);
        return rows.Any(row => row.Error is not null) ? ExitCodes.RuntimeError : ExitCodes.Success;
    }
}
