using System.Globalization;
using Spectre.Console;

namespace Cheeger.Build.Engine;

/// <summary>What the build prints about itself: target banners, failures, the summary table, the plan and <c>--help</c>.</summary>
internal sealed class ConsoleReport(IAnsiConsole console)
{
    public void Banner(TargetDefinition target)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold deepskyblue1]{Markup.Escape(target.Name)}[/]") { Justification = Justify.Left, Style = Style.Parse("deepskyblue1") });
        if (target.DescriptionText.Length > 0)
        {
            console.MarkupLine($"[grey]{Markup.Escape(target.DescriptionText)}[/]");
        }
    }

    public void Finished(TargetResult result)
    {
        var color = Color(result.Status);
        var note = result.Note.Length > 0 ? $" ({Markup.Escape(result.Note)})" : "";
        console.MarkupLine($"[{color}]{result.Name} {result.Status.ToString().ToLowerInvariant()}[/] in {FormatDuration(result.Duration)}{note}");
    }

    public void Error(string message) => console.MarkupLine($"[red]{Markup.Escape(message)}[/]");

    public void Summary(IReadOnlyList<TargetResult> results, bool succeeded)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Target")
            .AddColumn("Status")
            .AddColumn(new TableColumn("Duration").RightAligned())
            .AddColumn("Note");
        foreach (var result in results)
        {
            table.AddRow(
                Markup.Escape(result.Name),
                $"[{Color(result.Status)}]{result.Status}[/]",
                result.Status is TargetStatus.Succeeded or TargetStatus.Failed ? FormatDuration(result.Duration) : "",
                Markup.Escape(result.Note));
        }

        var total = results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
        table.AddEmptyRow();
        table.AddRow("[bold]Total[/]", "", $"[bold]{FormatDuration(total)}[/]", "");
        console.WriteLine();
        console.Write(table);
        var when = DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
        console.MarkupLine(succeeded ? $"[green bold]Build succeeded[/] on {when}." : $"[red bold]Build failed[/] on {when}.");
    }

    public void Plan(ExecutionPlan plan)
    {
        console.MarkupLine("[bold]Execution plan[/]");
        var position = 1;
        foreach (var step in plan.Steps)
        {
            var skipped = step.SkippedByRequest ? " [yellow](skipped by --skip)[/]" : "";
            console.MarkupLine($"  {position++}. {Markup.Escape(step.Target.Name)}{skipped}");
        }
    }

    public void Help(TargetGraph graph, TargetDefinition defaultTarget, IReadOnlyList<BuildParameter> parameters, object build)
    {
        console.MarkupLine("[bold]Usage:[/] ./build.sh [[targets]] [[options]]   (build.cmd on Windows)");
        console.WriteLine();
        var targets = new Table().Border(TableBorder.Simple).Title("[bold]Targets[/]")
            .AddColumn("Target").AddColumn("Depends on").AddColumn("Description");
        foreach (var target in graph.Targets)
        {
            var name = target == defaultTarget ? $"{Markup.Escape(target.Name)} [grey](default)[/]" : Markup.Escape(target.Name);
            targets.AddRow(name, Markup.Escape(string.Join(", ", target.Dependencies.Select(d => d.Name))), Markup.Escape(target.DescriptionText));
        }

        console.Write(targets);

        var options = new Table().Border(TableBorder.Simple).Title("[bold]Options[/]")
            .AddColumn("Option").AddColumn("Environment").AddColumn("Default").AddColumn("Description");
        foreach (var parameter in parameters)
        {
            var value = parameter.Type.IsEnum
                ? $"<{string.Join('|', Enum.GetNames(parameter.Type))}>"
                : parameter.Type == typeof(bool) ? "" : parameter.Type == typeof(string[]) ? "<values...>" : "<value>";
            options.AddRow(
                Markup.Escape($"--{parameter.OptionName} {value}".TrimEnd()),
                Markup.Escape(parameter.EnvironmentName),
                Markup.Escape(parameter.Format(parameter.GetValue(build))),
                Markup.Escape(parameter.Description));
        }

        options.AddRow("--target <targets...>", "", "", "The targets to run (the same as naming them first).");
        options.AddRow("--skip [[targets...]]", "", "", "Skip these targets; with no names, skip every target that was not named.");
        options.AddRow("--plan", "", "", "Print the execution plan and stop.");
        options.AddRow("--help, -h", "", "", "Print this help.");
        console.Write(options);
        console.MarkupLine("Target and option names ignore case.");
    }

    public static string FormatDuration(TimeSpan duration) =>
        duration.TotalHours >= 1
            ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : duration.ToString(@"m\:ss\.f", CultureInfo.InvariantCulture);

    private static string Color(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded => "green",
        TargetStatus.Failed => "red",
        TargetStatus.Skipped => "yellow",
        _ => "grey",
    };
}
