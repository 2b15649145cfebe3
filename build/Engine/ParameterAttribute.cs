namespace Cheeger.Build.Engine;

/// <summary>
/// Marks a field or property of the build class as a parameter. Its value comes from the command line
/// (<c>--benchmark-filter X</c> for a member named <c>BenchmarkFilter</c>), else from the environment
/// (<c>BENCHMARK_FILTER</c>), else it keeps its initializer. Supported types: string, bool, int, enums, string[].
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description) : Attribute
{
    /// <summary>One line shown by <c>--help</c>.</summary>
    public string Description { get; } = description;
}
