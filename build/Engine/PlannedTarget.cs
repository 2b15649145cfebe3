namespace Cheeger.Build.Engine;

/// <summary>A step of the <see cref="ExecutionPlan"/>: the target and whether <c>--skip</c> excluded it.</summary>
internal sealed record PlannedTarget(TargetDefinition Target, bool SkippedByRequest);
