using System.CommandLine;
using Cheeger.Backends;
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
        using var backends = new BackendSet(logger);
        bool json = parse.GetValue(_json);
        var progress = context.CreateProgress(quiet: json);

        var request = settings.Choice.For(data, new PhaseTimings(), progress.Sink);
        var rows = new List<CompareRow>();
        var labels = new Dictionary<string, int[]>();
        foreach (BackendRegistration registration in BackendRegistry.All)
        {
            string name = registration.Name;
            var availability = backends.Availability(settings.Choice.Method, name);
            string? refusal = request.Refusal(registration);
            if (!availability.IsAvailable || refusal is not null)
            {
                rows.Add(new CompareRow(name) { Available = false, Reason = refusal ?? availability.Reason });
                continue;
            }
            try
            {
                var prepared = request.Prepare(backends, name);
                var outcome = progress.Run($"{settings.Choice.Method.CliName()} on {data.Name}: {name}", () => MethodRunner.Run(prepared));
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

        if (labels.TryGetValue(BackendRegistry.Reference, out int[]? reference))
        {
            for (int r = 0; r < rows.Count; r++)
            {
                if (labels.TryGetValue(rows[r].Backend, out int[]? own))
                    rows[r] = rows[r] with { Agreement = LabelAgreement.Compare(reference, own) };
            }
        }

        var report = new CompareReport(settings.Choice.Method.CliName(), settings.InputPath, data.Count, data.Dimension, request.K,
            BackendRegistry.Reference, rows);
        if (json) JsonOutput.Write(context.Out, report);
        else CompareTable.Write(context.CreateStdoutConsole(), report);
        return rows.Any(row => row.Error is not null) ? ExitCodes.RuntimeError : ExitCodes.Success;
    }
}
