namespace Cheeger.Build.Engine;

/// <summary>How a planned target ended.</summary>
public enum TargetStatus
{
    /// <summary>Every action completed.</summary>
    Succeeded,

    /// <summary>An action threw; the build stops here.</summary>
    Failed,

    /// <summary>Excluded by <c>--skip</c> or by a false <see cref="ITargetDefinition.OnlyWhen"/> condition.</summary>
    Skipped,

    /// <summary>Not reached because an earlier target failed.</summary>
    NotRun,
}
