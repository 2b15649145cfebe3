namespace Cheeger.Build.Engine;

/// <summary>An external tool exited with a non-zero code; the build fails naming the tool and the code.</summary>
public sealed class ToolFailedException(string tool, int exitCode, string commandLine)
    : BuildFailedException($"{tool} exited with code {exitCode}: {commandLine}")
{
    /// <summary>The tool's name as invoked (<c>cmake</c>, <c>dotnet</c>, ...).</summary>
    public string Tool { get; } = tool;

    /// <summary>The tool's exit code (never 0).</summary>
    public int ExitCode { get; } = exitCode;
}
