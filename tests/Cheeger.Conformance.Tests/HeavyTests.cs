namespace Cheeger.Conformance.Tests;

/// <summary>
/// The contracts run whole pipelines on the larger data sets and create native contexts: one at a time, so that they
/// do not compete for the cores.
/// </summary>
[CollectionDefinition(nameof(HeavyTests), DisableParallelization = true)]
public sealed class HeavyTests;
