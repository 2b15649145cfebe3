namespace Cheeger.Build.Engine;

/// <summary>The process exit code of a build run and the result of every planned target.</summary>
internal sealed record BuildOutcome(int ExitCode, IReadOnlyList<TargetResult> Results);
