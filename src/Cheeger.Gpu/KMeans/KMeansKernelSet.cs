using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Algorithms.ScanReduceOperations;
using ILGPU.Runtime;

namespace Cheeger.Gpu.KMeans;

/// <summary>
/// The k-means kernels and ILGPU.Algorithms helpers, compiled once for one accelerator and kept as launch
/// delegates on its default stream.
/// </summary>
internal sealed class KMeansKernelSet
{
    public KMeansKernelSet(Accelerator accelerator)
    {
        GroupSize = Math.Min(KMeansKernels.MaxGroupSize, accelerator.MaxNumThreadsPerGroup);
        bool cuda = accelerator.AcceleratorType == AcceleratorType.Cuda;
        Assign = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<int>,
            ArrayView<int>, ArrayView<int>, ArrayView<double>, int, int>(
            cuda ? KMeansKernels.Assign<PtxRoundedArithmetic> : KMeansKernels.Assign<ManagedArithmetic>);
        AccumulateChunkDeltas = accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<int>, ArrayView<int>,
            ArrayView<double>, ArrayView<int>, int, int, int>(KMeansKernels.AccumulateChunkDeltas);
        MergeChunkDeltas = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<int>,
            ArrayView<double>, ArrayView<int>, int, int, int>(KMeansKernels.MergeChunkDeltas);
        UpdateCentroids = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<int>,
            ArrayView<double>, ArrayView<double>, int>(
            cuda ? KMeansKernels.UpdateCentroids<PtxRoundedArithmetic> : KMeansKernels.UpdateCentroids<ManagedArithmetic>);
        CountChanges = accelerator.CreateReduction<int, Stride1D.Dense, AddInt32>();
        LargestMovement = accelerator.CreateReduction<double, Stride1D.Dense, MaxDouble>();
        FillLabels = accelerator.CreateInitializer<int, Stride1D.Dense>();
    }

    /// <summary>Threads per group of the chunk-delta kernel: a multiple of the warp size, at most 256.</summary>
    public int GroupSize { get; }

    /// <summary><see cref="KMeansKernels.Assign{TArithmetic}"/>, one thread per point.</summary>
    public Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<int>, ArrayView<int>, ArrayView<int>,
        ArrayView<double>, int, int> Assign { get; }

    /// <summary><see cref="KMeansKernels.AccumulateChunkDeltas"/>, one group of <see cref="GroupSize"/> threads per chunk.</summary>
    public Action<KernelConfig, ArrayView<double>, ArrayView<int>, ArrayView<int>, ArrayView<double>, ArrayView<int>,
        int, int, int> AccumulateChunkDeltas { get; }

    /// <summary><see cref="KMeansKernels.MergeChunkDeltas"/>, one thread per sum or count.</summary>
    public Action<Index1D, ArrayView<double>, ArrayView<int>, ArrayView<double>, ArrayView<int>, int, int, int>
        MergeChunkDeltas { get; }

    /// <summary><see cref="KMeansKernels.UpdateCentroids{TArithmetic}"/>, one thread per cluster.</summary>
    public Action<Index1D, ArrayView<double>, ArrayView<int>, ArrayView<double>, ArrayView<double>, int>
        UpdateCentroids { get; }

    /// <summary>Σ of the 0/1 change flags (ILGPU.Algorithms reduction; integer, so any order gives the same count).</summary>
    public Reduction<int, Stride1D.Dense> CountChanges { get; }

    /// <summary>Max of the centroid movements (order-independent).</summary>
    public Reduction<double, Stride1D.Dense> LargestMovement { get; }

    /// <summary>Fills a label view with one value (−1 before the first pass).</summary>
    public Initializer<int, Stride1D.Dense> FillLabels { get; }
}
