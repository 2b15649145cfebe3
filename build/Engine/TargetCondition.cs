namespace Cheeger.Build.Engine;

/// <summary>An <see cref="ITargetDefinition.OnlyWhen"/> condition and its source text (shown when it skips the target).</summary>
internal sealed record TargetCondition(Func<bool> Evaluate, string Text);
