using System.Reflection;

namespace Cheeger.Build.Engine;

/// <summary>
/// The targets of a build class: every instance property of type <see cref="Target"/>, named after the property,
/// with its dependencies resolved. A target is identified by the method behind its delegate, which is what lets
/// <c>DependsOn(Restore)</c> find the <c>Restore</c> property again.
/// </summary>
internal sealed class TargetGraph
{
    private readonly Dictionary<string, TargetDefinition> _byName;
    private readonly Dictionary<MethodInfo, TargetDefinition> _byMethod;

    private TargetGraph(IReadOnlyList<TargetDefinition> targets, Dictionary<MethodInfo, TargetDefinition> byMethod)
    {
        Targets = targets;
        _byName = targets.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        _byMethod = byMethod;
    }

    /// <summary>Every target, dependencies before dependents (ties in declaration order): the order <c>--help</c> lists them in.</summary>
    public IReadOnlyList<TargetDefinition> Targets { get; }

    public static TargetGraph Discover(object build)
    {
        var properties = build.GetType()
            .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.PropertyType == typeof(Target))
            .OrderBy(p => p.MetadataToken);

        var byMethod = new Dictionary<MethodInfo, TargetDefinition>();
        var targets = new List<TargetDefinition>();
        foreach (var property in properties)
        {
            var target = (Target?)property.GetValue(build)
                ?? throw new BuildFailedException($"Target property {property.Name} returned null.");
            if (byMethod.TryGetValue(target.Method, out var existing))
            {
                throw new BuildFailedException($"Targets {existing.Name} and {property.Name} are the same delegate; give each target its own definition.");
            }

            var definition = new TargetDefinition(property.Name);
            target(definition);
            byMethod.Add(target.Method, definition);
            targets.Add(definition);
        }

        foreach (var definition in targets)
        {
            foreach (var dependency in definition.DependencyDelegates)
            {
                if (!byMethod.TryGetValue(dependency.Method, out var resolved))
                {
                    throw new BuildFailedException($"Target {definition.Name} depends on a delegate that is not a Target property of {build.GetType().Name}.");
                }

                definition.Dependencies.Add(resolved);
            }
        }

        var all = ExecutionPlan.Create(targets, skipped: null).Steps.Select(step => step.Target).ToList();
        return new TargetGraph(all, byMethod);
    }

    /// <summary>Finds the target whose <see cref="Target"/> delegate is <paramref name="target"/>.</summary>
    public TargetDefinition Find(Target target) =>
        _byMethod.TryGetValue(target.Method, out var definition)
            ? definition
            : throw new BuildFailedException("Only Target properties of the build class can be looked up by delegate.");

    /// <summary>Finds a target by name, ignoring case; fails naming the known targets.</summary>
    public TargetDefinition Find(string name) =>
        _byName.TryGetValue(name, out var target)
            ? target
            : throw new BuildFailedException($"Unknown target '{name}'. Targets: {string.Join(", ", Targets.Select(t => t.Name))}.");
}
