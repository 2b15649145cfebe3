namespace Cheeger.Build.Engine;

/// <summary>
/// The targets to run, dependencies first: a depth-first walk from the invoked targets in the order given, each
/// target's dependencies in declaration order, each target once. Targets named by <c>--skip</c> stay in the plan
/// (so the summary shows them) but do not run; <c>--skip</c> alone skips every target that was not invoked.
/// </summary>
internal sealed class ExecutionPlan
{
    private ExecutionPlan(IReadOnlyList<PlannedTarget> steps) => Steps = steps;

    public IReadOnlyList<PlannedTarget> Steps { get; }

    /// <param name="invoked">The targets asked for, in order.</param>
    /// <param name="skipped">Null: skip nothing; empty: skip all but the invoked targets; otherwise these targets.</param>
    public static ExecutionPlan Create(IReadOnlyList<TargetDefinition> invoked, IReadOnlyCollection<TargetDefinition>? skipped)
    {
        var order = new List<TargetDefinition>();
        var done = new HashSet<TargetDefinition>();
        var path = new List<TargetDefinition>();

        void Visit(TargetDefinition target)
        {
            if (done.Contains(target))
            {
                return;
            }

            if (path.Contains(target))
            {
                var cycle = path.SkipWhile(t => t != target).Append(target).Select(t => t.Name);
                throw new BuildFailedException($"Targets depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
            }

            path.Add(target);
            foreach (var dependency in target.Dependencies)
            {
                Visit(dependency);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(target);
            order.Add(target);
        }

        foreach (var target in invoked)
        {
            Visit(target);
        }

        var steps = order.Select(target => new PlannedTarget(target, skipped switch
        {
            null => false,
            { Count: 0 } => !invoked.Contains(target),
            _ => skipped.Contains(target),
        }));
        return new ExecutionPlan(steps.ToList());
    }
}
