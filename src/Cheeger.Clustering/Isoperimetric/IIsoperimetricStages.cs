using Cheeger.Clustering.Data;

namespace Cheeger.Clustering.Isoperimetric;

/// <summary>
/// The heavy stages of isoperimetric tree clustering that a managed backend supplies; <see cref="IsoperimetricPipeline"/>
/// is written once against them and does the O(n) host work between (σ, flows, weights, potentials, the ε search,
/// the selection and the labels). It mirrors the native core's <c>stage_backend</c> (native/src/iso/iso_backend.hpp).
/// Contract, which makes every backend give the reference's labels: <see cref="SpanningTree"/> is exactly Prim's tree
/// of spec §2.2 (order included) whatever the algorithm; the decider returns the arrays of §4.2 bit for bit;
/// <see cref="NearestFill"/> is §7.2 (ties to the smallest index). One instance serves one run.
/// </summary>
public interface IIsoperimetricStages : IDisposable
{
    /// <summary>The spanning-tree algorithms these stages build (<see cref="SpanningTreeAlgorithm.Auto"/> always among them).</summary>
    IReadOnlyList<SpanningTreeAlgorithm> SpanningTrees { get; }

    /// <summary>
    /// Spec §2.2/§6.1: the tree of <paramref name="data"/> by <paramref name="algorithm"/> (one of <see cref="SpanningTrees"/>),
    /// reporting its rounds or steps to <paramref name="progress"/> (<see cref="IsoperimetricStage.SpanningTree"/>) from the calling thread.
    /// </summary>
    SpanningTree SpanningTree(Dataset data, SpanningTreeAlgorithm algorithm, IProgress<IsoperimetricProgress>? progress, CancellationToken cancellation);

    /// <summary>Spec §2.4 "graph": the weighted degree of every point in the complete graph (<see cref="Isoperimetric.GraphDegree"/>).</summary>
    double[] GraphDegree(Dataset data, FlowKernel kernel, double sigma, CancellationToken cancellation);

    /// <summary>The decision procedure of spec §4 on <paramref name="tree"/>, for the whole ε search.</summary>
    ITreeDecider Decider(WeightedTree tree);

    /// <summary>Spec §7.2: <paramref name="labels"/> with every −1 replaced by its nearest clustered point's label.</summary>
    int[] NearestFill(Dataset data, int[] labels);
}
