using System.CommandLine;
using Cheeger.Cli.Logging;
using Cheeger.Cli.Output;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Cheeger.Cli.Commands;

/// <summary>
/// Where a command writes: stdout for results only (the summary, the table or the JSON), stderr for logs,
/// errors and the progress display; and the <c>-v</c> switch that sets the log level.
/// </summary>
/// <param name="progressDelay">How long a run goes before the progress display appears.</param>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, bool interactive, TimeSpan progressDelay)
{
    /// <summary>How long a run goes, by default, before the progress display appears: shorter runs show nothing.</summary>
    public static readonly TimeSpan DefaultProgressDelay = TimeSpan.FromSeconds(1);

    // A redirected stdout has no width of its own; tables get this many columns rather than 80.
    private const int RedirectedWidth = 160;

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>The <c>-v</c> switch, valid on every command.</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Debug logging on stderr, and stack traces with errors.", Recursive = true };

    /// <summary>Loggers writing to stderr: debug and above with <c>-v</c>, else warnings and above.</summary>
    public ILoggerFactory CreateLoggerFactory(ParseResult parse) => LoggerFactory.Create(builder => builder
        .AddProvider(new TextWriterLoggerProvider(Error))
        .SetMinimumLevel(parse.GetValue(Verbose) ? LogLevel.Debug : LogLevel.Warning));

    /// <summary>A Spectre console over stdout (plain text when stdout is not a terminal).</summary>
    public IAnsiConsole CreateStdoutConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Out) });
        if (!console.Profile.Out.IsTerminal) console.Profile.Width = RedirectedWidth;
        return console;
    }

    /// <summary>
    /// The progress display: the stage and its percentage on stderr when stderr is an interactive terminal and the
    /// command is not <paramref name="quiet"/> (<c>--json</c>), else nothing.
    /// </summary>
    public ProgressDisplay CreateProgress(bool quiet) => new(interactive && !quiet
        ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) })
        : null, progressDelay);
}
