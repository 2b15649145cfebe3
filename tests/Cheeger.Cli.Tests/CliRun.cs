using Cheeger.Cli;

namespace Cheeger.Cli.Tests;

/// <summary>One in-process run of the command line: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs <c>cheeger</c> with <paramref name="args"/>.</summary>
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = CliApp.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs <c>cheeger</c> with <paramref name="args"/> as if stderr were a terminal, the progress display appearing
    /// after <paramref name="progressDelay"/>.
    /// </summary>
    public static CliRun AsOnATerminal(TimeSpan progressDelay, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = CliApp.Run(args, stdout, stderr, interactive: true, progressDelay);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The lines written to stderr.</summary>
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
