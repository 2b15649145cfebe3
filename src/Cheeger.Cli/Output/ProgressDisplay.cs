using Spectre.Console;

namespace Cheeger.Cli.Output;

/// <summary>
/// A spinner on stderr while a long step runs, so stdout (the summary or the JSON) stays clean. Off when stderr
/// is not a terminal.
/// </summary>
internal sealed class ProgressDisplay(IAnsiConsole? stderrConsole)
{
    /// <summary>Runs <paramref name="work"/>, showing <paramref name="status"/> meanwhile when enabled.</summary>
    public T Run<T>(string status, Func<T> work) =>
        stderrConsole is null ? work() : stderrConsole.Status().Spinner(Spinner.Known.Dots).Start(status, _ => work());
}
