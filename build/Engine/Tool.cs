using System.ComponentModel;
using System.Text;
using CliWrap;

namespace Cheeger.Build.Engine;

/// <summary>
/// Runs external tools through CliWrap: the command line is echoed, output is streamed live line by line, and a
/// non-zero exit code fails the build with a <see cref="ToolFailedException"/> naming the tool and the code.
/// </summary>
public static class Tool
{
    /// <summary>Cancels running tools (Ctrl+C); set by <see cref="BuildRunner"/>.</summary>
    internal static CancellationToken CancellationToken { get; set; }

    /// <summary>Runs <paramref name="tool"/> and streams its output; fails the build unless it exits with 0.</summary>
    /// <param name="tool">The executable, found on PATH unless it is a path.</param>
    /// <param name="arguments">Arguments, passed as given (no shell in between).</param>
    /// <param name="workingDirectory">Where to run; the current directory (the repository root) when null.</param>
    /// <param name="environment">Variables to set (a null value removes the variable).</param>
    /// <param name="onOutput">Sees every line of standard output and error as it is printed.</param>
    public static async Task RunAsync(
        string tool,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<string>? onOutput = null)
    {
        var exitCode = await RunUncheckedAsync(tool, arguments, workingDirectory, environment, onOutput);
        if (exitCode != 0)
        {
            throw new ToolFailedException(tool, exitCode, FormatCommandLine(tool, arguments));
        }
    }

    /// <summary>Runs <paramref name="tool"/>, streams its output and returns its exit code without judging it.</summary>
    public static async Task<int> RunUncheckedAsync(
        string tool,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<string>? onOutput = null)
    {
        var argumentList = arguments.ToList();
        // Plain text: a command line must stay on one line to be copied and run again.
        Console.Out.WriteLine("> " + FormatCommandLine(tool, argumentList));
        var output = PipeTarget.ToDelegate(line =>
        {
            Console.Out.WriteLine(line);
            onOutput?.Invoke(line);
        });
        var errors = PipeTarget.ToDelegate(line =>
        {
            Console.Error.WriteLine(line);
            onOutput?.Invoke(line);
        });
        var command = Command(tool, argumentList, workingDirectory, environment)
            .WithStandardOutputPipe(output)
            .WithStandardErrorPipe(errors);
        var result = await ExecuteAsync(tool, command);
        return result.ExitCode;
    }

    /// <summary>Runs <paramref name="tool"/> quietly and returns its standard output; fails the build unless it exits with 0.</summary>
    public static async Task<string> CaptureAsync(string tool, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var argumentList = arguments.ToList();
        var result = await CaptureUncheckedAsync(tool, argumentList, workingDirectory);
        if (result.ExitCode != 0)
        {
            Console.Error.Write(result.Errors);
            throw new ToolFailedException(tool, result.ExitCode, FormatCommandLine(tool, argumentList));
        }

        return result.Output;
    }

    /// <summary>Runs <paramref name="tool"/> quietly and returns its exit code and output without judging them.</summary>
    public static async Task<CapturedOutput> CaptureUncheckedAsync(
        string tool,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var command = Command(tool, arguments.ToList(), workingDirectory, environment)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(errors));
        var result = await ExecuteAsync(tool, command);
        return new CapturedOutput(result.ExitCode, output.ToString(), errors.ToString());
    }

    /// <summary>The full path of <paramref name="tool"/> if PATH has it (or it is a path to an existing file), else null.</summary>
    public static string? FindOnPath(string tool)
    {
        if (tool.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(tool) ? Path.GetFullPath(tool) : null;
        }

        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat", "" } : [""];
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories
            .SelectMany(directory => extensions.Select(extension => Path.Combine(directory, tool + extension)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The command line as a shell would take it, for echoing and error messages.</summary>
    public static string FormatCommandLine(string tool, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(tool).Select(Quote));

    private static Command Command(string tool, IReadOnlyList<string> arguments, string? workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var command = Cli.Wrap(tool)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory ?? Environment.CurrentDirectory)
            .WithValidation(CommandResultValidation.None);
        return environment is null ? command : command.WithEnvironmentVariables(environment);
    }

    private static async Task<CommandResult> ExecuteAsync(string tool, Command command)
    {
        try
        {
            return await command.ExecuteAsync(CancellationToken);
        }
        catch (Exception e) when (e is Win32Exception || e.InnerException is Win32Exception)
        {
            // CliWrap reports a missing executable as a failure to start the process.
            throw new BuildFailedException($"{tool} could not be started; is it installed and on PATH? ({(e.InnerException ?? e).Message})");
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:,+@%".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
