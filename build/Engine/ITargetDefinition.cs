using System.Runtime.CompilerServices;

namespace Cheeger.Build.Engine;

/// <summary>The fluent definition of a target: what it is for, what must run before it, when and what it runs.</summary>
public interface ITargetDefinition
{
    /// <summary>One line shown by <c>--help</c> and in the target's banner.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Targets that run (in the given order) before this one whenever this one is part of the build.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>
    /// A condition checked right before the target would run; when it is false the target is skipped and the
    /// summary shows the condition's source text as the reason.
    /// </summary>
    ITargetDefinition OnlyWhen(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string conditionText = "");

    /// <summary>Adds an action; actions run in the order they were added.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an asynchronous action; actions run in the order they were added.</summary>
    ITargetDefinition Executes(Func<Task> action);
}
