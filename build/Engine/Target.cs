namespace Cheeger.Build.Engine;

/// <summary>
/// A build target, declared as a property of the build class: <c>Target Compile =&gt; _ =&gt; _.DependsOn(Restore).Executes(...)</c>.
/// The property's name is the target's name; the delegate configures the target's definition.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
