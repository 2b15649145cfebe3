namespace Cheeger.Native.Tests.Support;

/// <summary>
/// Tests that create native contexts run in this collection, one at a time and after the parallel tests, so the
/// process-wide live-context count they check is theirs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeContextCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "native contexts";
}
