namespace Cheeger.Build.Engine;

/// <summary>The outcome of one planned target, as the summary table shows it.</summary>
public sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, string Note);
