using System.CommandLine;
using Cheeger.Backends;
using Cheeger.Cli.Commands;
using Cheeger.Clustering;

namespace Cheeger.Cli;

/// <summary>
/// The <c>cheeger</c> command line, callable in-process: parses the arguments, runs the command, and turns
/// every failure into one <c>error: ...</c> line on stderr and an exit code (<see cref="ExitCodes"/>).
/// </summary>
public static class CliApp
{
    /// <summary>Runs the command line with the progress display off (stderr is not a terminal).</summary>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, interactive: false);

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdout">Where results go: the summary, the table or the JSON.</param>
    /// <param name="stderr">Where logs, errors and the progress display go.</param>
    /// <param name="interactive">True when stderr is a terminal, which turns the progress display on.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive) =>
        Run(args, stdout, stderr, interactive, CliContext.DefaultProgressDelay);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter, bool)"/>, the progress display appearing after <paramref name="progressDelay"/>.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive, TimeSpan progressDelay)
    {
        var context = new CliContext(stdout, stderr, interactive, progressDelay);
        var root = new RootCommand("Cheeger: k-means and isoperimetric tree clustering on managed, GPU and native backends.")
        {
            context.Verbose,
            new ClusterCommand().Build(context),
            new CompareCommand().Build(context),
        };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
            return Fail(stderr, ExitCodes.InputError, string.Join(" ", parse.Errors.Select(e => e.Message)) + " (see cheeger --help)", null, false);

        bool verbose = parse.GetValue(context.Verbose);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (ClusteringInputException e)
        {
            return Fail(stderr, ExitCodes.InputError, e.MessageNaming(CliOptionNames.Flag), e, verbose);
        }
        catch (OutOfMemoryException e)
        {
            // Sizes known up front are refused before a run starts (MemoryBudget); this is what was not known.
            return Fail(stderr, ExitCodes.RuntimeError, $"out of memory: {e.Message}", e, verbose);
        }
        catch (Exception e)
        {
            // Unavailable backends, I/O errors, backend failures: the run could not complete.
            return Fail(stderr, ExitCodes.RuntimeError, e is BackendUnavailableException ? e.Message : $"{e.GetType().Name}: {e.Message}", e, verbose);
        }
    }

    private static int Fail(TextWriter stderr, int exitCode, string message, Exception? exception, bool verbose)
    {
        // One line, whatever the message holds: scripts read the first line of stderr.
        stderr.WriteLine("error: " + string.Join(' ', message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim());
        if (verbose && exception is not null) stderr.WriteLine(exception);
        stderr.Flush();
        return exitCode;
    }
}
