namespace Cheeger.Build.Engine;

/// <summary>What a target's <see cref="Target"/> delegate declared, collected when the build class is discovered.</summary>
internal sealed class TargetDefinition(string name) : ITargetDefinition
{
    private readonly List<Target> _dependencyDelegates = [];
    private readonly List<TargetCondition> _conditions = [];
    private readonly List<Func<Task>> _actions = [];

    public string Name { get; } = name;

    public string DescriptionText { get; private set; } = "";

    /// <summary>The dependencies as declared; <see cref="TargetGraph"/> resolves them to definitions.</summary>
    public IReadOnlyList<Target> DependencyDelegates => _dependencyDelegates;

    /// <summary>Resolved dependencies, in declaration order; filled by <see cref="TargetGraph"/>.</summary>
    public List<TargetDefinition> Dependencies { get; } = [];

    public IReadOnlyList<TargetCondition> Conditions => _conditions;

    public IReadOnlyList<Func<Task>> Actions => _actions;

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets)
    {
        _dependencyDelegates.AddRange(targets);
        return this;
    }

    public ITargetDefinition OnlyWhen(Func<bool> condition, string conditionText = "")
    {
        _conditions.Add(new TargetCondition(condition, conditionText));
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        _actions.Add(() =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        _actions.Add(action);
        return this;
    }

    public override string ToString() => Name;
}
