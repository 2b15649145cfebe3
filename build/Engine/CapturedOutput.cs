namespace Cheeger.Build.Engine;

/// <summary>What a quietly run tool left: its exit code, standard output and standard error.</summary>
public sealed record CapturedOutput(int ExitCode, string Output, string Errors);
