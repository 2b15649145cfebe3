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

    /// <summary>
    /// Coordinates (n·D) per worker, at least, when <see cref="IsoperimetricOptions.Workers"/> leaves the count to the
    /// backend: Prim ends each of its n − 1 steps in a barrier, which a step's share of the distances must outweigh
    /// (docs/isoperimetric-implementation.md has the Wine Quality measurements: red, 1599 × 11, gets one worker).
    /// </summary>
    public const int MinCoordinatesPerWorker = 16384;

    /// <summary>The least width of a tree level that the decision procedure splits over the workers.</summary>
    internal int MinParallelLevelWidth { get; init; } = LevelTreeDecider.DefaultMinParallelWidth;

    /// <summary>The least tree size whose decisions are split over the workers by subtrees instead of by levels.</summary>
    internal int MinSubtreeSplitCount { get; init; } = ParallelIsoperimetricStages.DefaultMinSubtreeSplitCount;

    /// <inheritdoc/>
    public IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees => ParallelIsoperimetricStages.Offered;

    /// <inheritdoc/>
    public IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, CancellationToken cancellation) =>
        Run(data, options, progress: null, cancellation);

    /// <inheritdoc/>
    public IsoperimetricResult Run(Dataset data, IsoperimetricOptions options, IProgress<IsoperimetricProgress>? progress = null,
        CancellationToken cancellation = default) =>
        IsoperimetricPipeline.Run(Name, data, options, CreateStages, progress, cancellation);

    private ParallelIsoperimetricStages CreateStages(Dataset data, IsoperimetricOptions options)
    {
        IsoperimetricMemory.Require(data, options, parallel: true);
        return new ParallelIsoperimetricStages(WorkersFor(data, options), MinParallelLevelWidth, MinSubtreeSplitCount);
    }

    /// <summary>The worker count asked for; when it is left to the backend, one per <see cref="MinCoordinatesPerWorker"/> coordinates up to the cores.</summary>
    internal static int WorkersFor(Dataset data, IsoperimetricOptions options) =>
        options.Workers > 0 ? options.Workers
            : (int)Math.Clamp((long)data.Count * data.Dimension / MinCoordinatesPerWorker, 1, options.EffectiveWorkers);
}
