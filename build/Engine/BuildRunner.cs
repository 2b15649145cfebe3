using System.Diagnostics;
using Spectre.Console;

namespace Cheeger.Build.Engine;

/// <summary>
/// Runs a build class: parses the command line, binds parameters, discovers targets, plans and executes them,
/// and prints the summary. Built-in options: <c>--help</c>/<c>-h</c>, <c>--target</c>, <c>--skip</c>, <c>--plan</c>.
/// </summary>
public static class BuildRunner
{
    /// <summary>Runs <typeparamref name="TBuild"/> with the process's arguments and environment; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync<TBuild>(string[] args, Func<TBuild, Target> defaultTarget)
        where TBuild : new()
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C stops the running tool and fails the build; a second one ends the process.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        var outcome = await RunAsync(new TBuild(), args, build => defaultTarget((TBuild)build), AnsiConsole.Console, Environment.GetEnvironmentVariable, cancellation.Token);
        return outcome.ExitCode;
    }

    internal static async Task<BuildOutcome> RunAsync(
        object build,
        IReadOnlyList<string> args,
        Func<object, Target> defaultTarget,
        IAnsiConsole console,
        Func<string, string?> environment,
        CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected && ReferenceEquals(console, AnsiConsole.Console))
        {
            // A log file has no width; Spectre's default of 80 columns would wrap every table.
            console.Profile.Width = 160;
        }

        var report = new ConsoleReport(console);
        ExecutionPlan plan;
        try
        {
            var commandLine = CommandLine.Parse(args);
            var parameters = BuildParameter.Discover(build.GetType());
            if (commandLine.Has("help") || commandLine.Has("h"))
            {
                var graphForHelp = TargetGraph.Discover(build);
                report.Help(graphForHelp, graphForHelp.Find(defaultTarget(build)), parameters, build);
                return new BuildOutcome(0, []);
            }

            // Parameters first: target definitions may read them (descriptions, conditions).
            ParameterBinder.Bind(build, parameters, commandLine, environment);
            var graph = TargetGraph.Discover(build);
            var invoked = commandLine.Targets.Count > 0
                ? commandLine.Targets.Select(graph.Find).ToList()
                : [graph.Find(defaultTarget(build))];
            var skipped = commandLine.Options.TryGetValue("skip", out var names) ? names.Select(graph.Find).ToList() : null;
            plan = ExecutionPlan.Create(invoked, skipped);
            if (commandLine.Has("plan"))
            {
                report.Plan(plan);
                return new BuildOutcome(0, []);
            }
        }
        catch (BuildFailedException e)
        {
            report.Error(e.Message);
            return new BuildOutcome(1, []);
        }

        Tool.CancellationToken = cancellationToken;
        var results = await ExecuteAsync(plan, report, cancellationToken);
        var succeeded = results.All(r => r.Status is TargetStatus.Succeeded or TargetStatus.Skipped);
        report.Summary(results, succeeded);
        return new BuildOutcome(succeeded ? 0 : 1, results);
    }

    private static async Task<List<TargetResult>> ExecuteAsync(ExecutionPlan plan, ConsoleReport report, CancellationToken cancellationToken)
    {
        var results = new List<TargetResult>();
        var failed = false;
        foreach (var step in plan.Steps)
        {
            var target = step.Target;
            if (failed)
            {
                results.Add(new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, "an earlier target failed"));
                continue;
            }

            if (step.SkippedByRequest)
            {
                results.Add(new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, "--skip"));
                continue;
            }

            var falseCondition = target.Conditions.FirstOrDefault(c => !c.Evaluate());
            if (falseCondition is not null)
            {
                var result = new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, $"condition false: {falseCondition.Text}");
                report.Finished(result);
                results.Add(result);
                continue;
            }

            report.Banner(target);
            var stopwatch = Stopwatch.StartNew();
            var (status, note) = await RunActionsAsync(target, report, cancellationToken);
            var outcome = new TargetResult(target.Name, status, stopwatch.Elapsed, note);
            report.Finished(outcome);
            results.Add(outcome);
            failed = status == TargetStatus.Failed;
        }

        return results;
    }

    private static async Task<(TargetStatus Status, string Note)> RunActionsAsync(TargetDefinition target, ConsoleReport report, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var action in target.Actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await action();
            }

            return (TargetStatus.Succeeded, "");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            report.Error($"{target.Name} was cancelled.");
            return (TargetStatus.Failed, "cancelled");
        }
        catch (BuildFailedException e)
        {
            report.Error(e.Message);
            return (TargetStatus.Failed, FirstLine(e.Message));
        }
        catch (Exception e)
        {
            // Anything else is a defect in the build program itself: show where.
            report.Error(e.ToString());
            return (TargetStatus.Failed, FirstLine(e.Message));
        }
    }

    // The summary table keeps one short line per target; the full message was printed when the target failed.
    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= 100 ? line : line[..97] + "...";
    }
}
