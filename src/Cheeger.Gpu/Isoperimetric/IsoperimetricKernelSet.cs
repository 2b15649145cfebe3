using Cheeger.Clustering.Isoperimetric;
using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Algorithms.ScanReduceOperations;
using ILGPU.Runtime;

namespace Cheeger.Gpu.Isoperimetric;

/// <summary>
/// The isoperimetric kernels and ILGPU.Algorithms helpers, compiled once for one accelerator and kept as launch
/// delegates on its default stream: rounded PTX arithmetic on CUDA, plain arithmetic on the CPU accelerator.
/// </summary>
internal sealed class IsoperimetricKernelSet
{
    /// <summary>Threads per group at most: a multiple of the warp size.</summary>
    public const int MaxGroupSize = 256;

    /// <summary>Threads of the one group that runs Prim at most: a whole multiprocessor's worth.</summary>
    public const int MaxPrimGroupSize = 1024;

    /// <param name="accelerator">The accelerator the kernels are compiled for.</param>
    /// <param name="fullGroupsOnCpu">Run the one-group kernels with full groups on the CPU accelerator too (tests: the barriers and group reductions then run there as on a GPU).</param>
    public IsoperimetricKernelSet(Accelerator accelerator, bool fullGroupsOnCpu = false)
    {
        GroupSize = Math.Min(MaxGroupSize, accelerator.MaxNumThreadsPerGroup);
        bool singleThreaded = accelerator.AcceleratorType == AcceleratorType.CPU && !fullGroupsOnCpu;
        NarrowGroupSize = singleThreaded ? 1 : GroupSize;
        WideLevelWidth = singleThreaded ? LevelTreeDecider.DefaultMinParallelWidth : GroupSize;
        PrimGroupSize = singleThreaded ? 1 : Math.Min(MaxPrimGroupSize, accelerator.MaxNumThreadsPerGroup);
        bool cuda = accelerator.AcceleratorType == AcceleratorType.Cuda;

        Prim = accelerator.LoadStreamKernel<ArrayView<double>, int, int, ArrayView<double>, ArrayView<int>, ArrayView<int>,
            ArrayView<int>, ArrayView<double>, ArrayView<int>>(cuda
                ? PrimKernels.Prim<PtxRoundedArithmetic>
                : PrimKernels.Prim<ManagedArithmetic>);
        Singletons = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>>(BoruvkaKernels.Singletons);
        LeastOutgoingEdges = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, int, int, ArrayView<int>,
            ArrayView<double>, ArrayView<int>>(cuda
                ? BoruvkaKernels.LeastOutgoingEdges<PtxRoundedArithmetic>
                : BoruvkaKernels.LeastOutgoingEdges<ManagedArithmetic>);
        ComponentLeastLength = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<double>,
            ArrayView<int>, ArrayView<ulong>>(BoruvkaKernels.ComponentLeastLength);
        ComponentLeastPair = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<double>,
            ArrayView<int>, ArrayView<ulong>, ArrayView<ulong>>(BoruvkaKernels.ComponentLeastPair);
        Hook = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<ulong>, ArrayView<ulong>,
            ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<double>, ArrayView<int>>(BoruvkaKernels.Hook);
        Jump = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>>(BoruvkaKernels.Jump);
        Relabel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>>(BoruvkaKernels.Relabel);

        Close = accelerator.LoadStreamKernel<ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<double>,
            ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>, ArrayView<int>, int, int, double, int>(cuda
                ? DecisionKernels.Close<PtxRoundedArithmetic>
                : DecisionKernels.Close<ManagedArithmetic>);
        Represent = accelerator.LoadStreamKernel<ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>,
            ArrayView<int>, int, int>(DecisionKernels.Represent);
        Label = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>,
            ArrayView<int>>(DecisionKernels.Label);
        NearestFill = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, int, int, ArrayView<int>,
            ArrayView<int>, ArrayView<int>>(cuda
                ? DecisionKernels.NearestFill<PtxRoundedArithmetic>
                : DecisionKernels.NearestFill<ManagedArithmetic>);

        CountFlags = accelerator.CreateReduction<int, Stride1D.Dense, AddInt32>();
        ExclusiveScan = accelerator.CreateScan<int, Stride1D.Dense, Stride1D.Dense, AddInt32>(ScanKind.Exclusive);
        FillInt = accelerator.CreateInitializer<int, Stride1D.Dense>();
        FillSlot = accelerator.CreateInitializer<ulong, Stride1D.Dense>();
    }

    /// <summary>Threads per group of the level kernels (and the width up to which a level is narrow).</summary>
    public int GroupSize { get; }

    /// <summary>
    /// Threads of the one group that walks a run of narrow levels: a full group on a GPU; one thread on the CPU
    /// accelerator, whose group threads are OS threads meeting at real barriers, so that a barrier per level costs
    /// far more there than the few vertices of the level.
    /// </summary>
    public int NarrowGroupSize { get; }

    /// <summary>
    /// The least width of a level that gets a launch of its own (narrower levels are walked by one group): more than
    /// a group on a GPU; on the CPU accelerator, where a launch costs more than thousands of vertices' work, the
    /// managed parallel decider's threshold.
    /// </summary>
    public int WideLevelWidth { get; }

    /// <summary>Threads of the Prim group: as many as a group holds on a GPU; one on the CPU accelerator (see <see cref="NarrowGroupSize"/>).</summary>
    public int PrimGroupSize { get; }

    /// <summary><see cref="PrimKernels.Prim{TArithmetic}"/>, one group of <see cref="PrimGroupSize"/> threads.</summary>
    public Action<KernelConfig, ArrayView<double>, int, int, ArrayView<double>, ArrayView<int>, ArrayView<int>,
        ArrayView<int>, ArrayView<double>, ArrayView<int>> Prim { get; }

    /// <summary><see cref="BoruvkaKernels.Singletons"/>, one thread per vertex.</summary>
    public Action<Index1D, ArrayView<int>> Singletons { get; }

    /// <summary><see cref="BoruvkaKernels.LeastOutgoingEdges{TArithmetic}"/>, one thread per vertex.</summary>
    public Action<Index1D, ArrayView<double>, int, int, ArrayView<int>, ArrayView<double>, ArrayView<int>> LeastOutgoingEdges { get; }

    /// <summary><see cref="BoruvkaKernels.ComponentLeastLength"/>, one thread per vertex.</summary>
    public Action<Index1D, ArrayView<int>, ArrayView<double>, ArrayView<int>, ArrayView<ulong>> ComponentLeastLength { get; }

    /// <summary><see cref="BoruvkaKernels.ComponentLeastPair"/>, one thread per vertex.</summary>
    public Action<Index1D, ArrayView<int>, ArrayView<double>, ArrayView<int>, ArrayView<ulong>, ArrayView<ulong>> ComponentLeastPair { get; }

    /// <summary><see cref="BoruvkaKernels.Hook"/>, one thread per vertex (the roots act).</summary>
    public Action<Index1D, ArrayView<int>, ArrayView<ulong>, ArrayView<ulong>, ArrayView<int>, ArrayView<int>,
        ArrayView<int>, ArrayView<double>, ArrayView<int>> Hook { get; }

    /// <summary><see cref="BoruvkaKernels.Jump"/>, one thread per vertex (the roots act).</summary>
    public Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>> Jump { get; }

    /// <summary><see cref="BoruvkaKernels.Relabel"/>, one thread per vertex.</summary>
    public Action<Index1D, ArrayView<int>, ArrayView<int>> Relabel { get; }

    /// <summary><see cref="DecisionKernels.Close{TArithmetic}"/>: a grid over one wide level, or one group over a run of narrow ones.</summary>
    public Action<KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<double>,
        ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>, ArrayView<int>, int, int, double, int> Close { get; }

    /// <summary><see cref="DecisionKernels.Represent"/>, launched like <see cref="Close"/>.</summary>
    public Action<KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int> Represent { get; }

    /// <summary><see cref="DecisionKernels.Label"/>, one thread per vertex.</summary>
    public Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>> Label { get; }

    /// <summary><see cref="DecisionKernels.NearestFill{TArithmetic}"/>, one thread per outlier.</summary>
    public Action<Index1D, ArrayView<double>, int, int, ArrayView<int>, ArrayView<int>, ArrayView<int>> NearestFill { get; }

    /// <summary>Σ of 0/1 flags (ILGPU.Algorithms reduction; integer, so any order gives the same count).</summary>
    public Reduction<int, Stride1D.Dense> CountFlags { get; }

    /// <summary>Exclusive prefix sum of ints (ILGPU.Algorithms scan).</summary>
    public Scan<int, Stride1D.Dense, Stride1D.Dense> ExclusiveScan { get; }

    /// <summary>Fills an int view with one value.</summary>
    public Initializer<int, Stride1D.Dense> FillInt { get; }

    /// <summary>Fills the atomic-min slots with <see cref="BoruvkaKernels.EmptySlot"/>.</summary>
    public Initializer<ulong, Stride1D.Dense> FillSlot { get; }
}
