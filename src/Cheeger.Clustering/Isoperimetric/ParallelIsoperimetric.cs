using System.Numerics;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// Multi-core isoperimetric tree clustering: <see cref="IsoperimetricPipeline"/> over the multi-core stages
/// (<see cref="ParallelIsoperimetricStages"/>: Prim with one barrier per step and SIMD distances, §6.1; the
/// depth-by-depth decision procedure in pull form, §6.3; a parallel full labelling). It returns exactly the reference's tree,
/// σ, ε and labels for every worker count (<see cref="IsoperimetricOptions.Workers"/>).
/// </summary>
public sealed class ParallelIsoperimetric : IIsoperimetricBackend
{
    /// <inheritdoc/>
    public string Name => BackendNames.Parallel;

    /// <inheritdoc/>
    public BackendAvailability Availability =>
        BackendAvailability.Available($"managed, {Environment.ProcessorCount} cores, {Vector<double>.Count}-lane SIMD");

    /// <summary>The least width of a tree level that the decision procedure splits over the workers.</summary>
    internal int MinParallelLevelWidth { get; init; } = LevelTreeDecider.DefaultMinParallelWidth;

    /// <inheritdoc/>
    public IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees => ParallelIsoperimetricStages.Offered;

    /// <inheritdoc/>
    public IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, CancellationToken cancellation = default) =>
        IsoperimetricPipeline.Run(Name, data, options, CreateStages, cancellation);

    private ParallelIsoperimetricStages CreateStages(Dataset data, IsoperimetricOptions options)
    {
        IsoperimetricMemory.Require(data, options, parallel: true);
        return new ParallelIsoperimetricStages(options.EffectiveWorkers, MinParallelLevelWidth);
    }
}
