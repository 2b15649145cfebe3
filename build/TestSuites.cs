using System.Diagnostics;
using Cheeger.Build.Engine;
using Spectre.Console;

namespace Cheeger.Build;

/// <summary>
/// The test suites of one Test run: each runs to the end even when an earlier one failed, so a single run
/// reports every failure; the table at the end says which suites ran, with their counts where known.
/// </summary>
internal sealed class TestSuites
{
    private readonly List<SuiteResult> _results = [];

    public IEnumerable<string> Failed => _results.Where(r => r.Outcome == SuiteOutcome.Failed).Select(r => r.Name);

    /// <summary>Runs a suite; <paramref name="run"/> returns a short detail such as its test counts.</summary>
    public async Task RunAsync(string name, Func<Task<string>> run)
    {
        AnsiConsole.MarkupLine($"[bold]--- {Markup.Escape(name)}[/]");
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var detail = await run();
            _results.Add(new SuiteResult(name, SuiteOutcome.Passed, stopwatch.Elapsed, detail));
        }
        catch (BuildFailedException e)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            // The command line was just printed in full; the table keeps to the point.
            var detail = e is ToolFailedException tool ? $"{tool.Tool} exited with code {tool.ExitCode}" : e.Message.Split('\n')[0];
            _results.Add(new SuiteResult(name, SuiteOutcome.Failed, stopwatch.Elapsed, detail));
        }
    }

    /// <summary>Records a suite that cannot run yet, with the reason, so the summary shows it did not run.</summary>
    public void Skip(string name, string reason)
    {
        AnsiConsole.MarkupLine($"[yellow]--- {Markup.Escape(name)} skipped: {Markup.Escape(reason)}[/]");
        _results.Add(new SuiteResult(name, SuiteOutcome.Skipped, TimeSpan.Zero, reason));
    }

    public void PrintSummary()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Test suites[/]")
            .AddColumn("Suite").AddColumn("Result").AddColumn(new TableColumn("Duration").RightAligned()).AddColumn("Detail");
        foreach (var result in _results)
        {
            var color = result.Outcome switch
            {
                SuiteOutcome.Passed => "green",
                SuiteOutcome.Failed => "red",
                _ => "yellow",
            };
            table.AddRow(
                Markup.Escape(result.Name),
                $"[{color}]{result.Outcome}[/]",
                result.Outcome == SuiteOutcome.Skipped ? "" : ConsoleReport.FormatDuration(result.Duration),
                Markup.Escape(result.Detail));
        }

        AnsiConsole.WriteLine();
        AnsiConsole.Write(table);
    }

    private enum SuiteOutcome
    {
        Passed,
        Failed,
        Skipped,
    }

    private sealed record SuiteResult(string Name, SuiteOutcome Outcome, TimeSpan Duration, string Detail);
}
