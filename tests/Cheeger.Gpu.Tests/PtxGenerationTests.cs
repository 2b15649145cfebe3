using System.Reflection;
using System.Text.RegularExpressions;
using Cheeger.Gpu.Isoperimetric;
using Cheeger.Gpu.KMeans;
using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Cheeger.Gpu.Tests;

/// <summary>
/// Compiles the k-means and isoperimetric kernels to PTX with ILGPU's CUDA backend (no GPU needed) and checks the code the
/// device would run: every kernel compiles, and the floating-point multiplies and adds of the distance and
/// movement sums carry an explicit rounding mode, so ptxas cannot fuse them into an FMA (the shared rule).
/// </summary>
public sealed partial class PtxGenerationTests : IDisposable
{
    private readonly Context _context = Context.Create(builder => builder.Default().EnableAlgorithms());
    private readonly PTXBackend _backend;

    public PtxGenerationTests()
    {
        _backend = new PTXBackend(_context, CudaArchitecture.SM_90, CudaInstructionSet.ISA_80, nvvmAPI: null!); // NVVM is only needed for LibDevice math, which the kernels do not use
    }

    public static TheoryData<string, bool> Kernels => new()
    {
        { nameof(KMeansKernels.Assign), false },
        { nameof(KMeansKernels.AccumulateChunkDeltas), true },
        { nameof(KMeansKernels.MergeChunkDeltas), false },
        { nameof(KMeansKernels.UpdateCentroids), false },
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_compiles_to_ptx_without_contractible_f64_multiplies(string kernel, bool explicitlyGrouped)
    {
        string ptx = CompileToPtx(kernel, explicitlyGrouped);

        Assert.Contains(".entry", ptx);
        // mul.f64 / add.f64 / sub.f64 without a rounding mode may be contracted; a product must never be.
        Assert.DoesNotMatch(UnroundedMultiply(), ptx);
        Assert.DoesNotContain("fma.", ptx);
    }

    /// <summary>The isoperimetric kernels with floating-point sums: d² (tree, fill) and the decision's val.</summary>
    public static TheoryData<string, string, bool> IsoperimetricKernels => new()
    {
        { nameof(BoruvkaKernels), nameof(BoruvkaKernels.LeastOutgoingEdges), false },
        { nameof(PrimKernels), nameof(PrimKernels.Prim), true },
        { nameof(DecisionKernels), nameof(DecisionKernels.Close), true },
        { nameof(DecisionKernels), nameof(DecisionKernels.NearestFill), false },
    };

    [Theory]
    [MemberData(nameof(IsoperimetricKernels))]
    public void Isoperimetric_kernel_compiles_to_ptx_with_rounded_sums_only(string type, string kernel, bool explicitlyGrouped)
    {
        var owner = typeof(BoruvkaKernels).Assembly.GetType($"{typeof(BoruvkaKernels).Namespace}.{type}", throwOnError: true)!;
        string ptx = CompileToPtx(owner, kernel, explicitlyGrouped);

        Assert.Contains(".entry", ptx);
        Assert.Contains("mul.rn.f64", ptx);
        Assert.Contains("add.rn.f64", ptx);
        Assert.DoesNotMatch(UnroundedMultiply(), ptx);
        Assert.DoesNotMatch(UnroundedAdd(), ptx);
        Assert.DoesNotContain("fma.", ptx);
    }

    [Fact]
    public void Squared_distances_use_once_rounded_multiply_and_add()
    {
        string ptx = CompileToPtx(nameof(KMeansKernels.Assign), explicitlyGrouped: false);

        Assert.Contains("mul.rn.f64", ptx);
        Assert.Contains("add.rn.f64", ptx);
        Assert.DoesNotMatch(UnroundedAdd(), ptx);
    }

    [Fact]
    public void Chunk_deltas_use_shared_memory_and_group_barriers_but_no_atomics()
    {
        string ptx = CompileToPtx(nameof(KMeansKernels.AccumulateChunkDeltas), explicitlyGrouped: true);

        Assert.Contains(".shared", ptx);
        Assert.Contains("bar.", ptx);
        Assert.DoesNotMatch(AtomicInstruction(), ptx);
    }

    private string CompileToPtx(string kernel, bool explicitlyGrouped) => CompileToPtx(typeof(KMeansKernels), kernel, explicitlyGrouped);

    private string CompileToPtx(Type owner, string kernel, bool explicitlyGrouped)
    {
        var method = owner.GetMethod(kernel, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"No kernel {kernel}.");
        if (method.IsGenericMethodDefinition) method = method.MakeGenericMethod(typeof(PtxRoundedArithmetic)); // as loaded on CUDA
        var entry = explicitlyGrouped
            ? EntryPointDescription.FromExplicitlyGroupedKernel(method)
            : EntryPointDescription.FromImplicitlyGroupedKernel(method);
        var compiled = (PTXCompiledKernel)_backend.Compile(entry, KernelSpecialization.Empty);
        return compiled.PTXAssembly;
    }

    [GeneratedRegex(@"\bmul\.f64\b")]
    private static partial Regex UnroundedMultiply();

    [GeneratedRegex(@"\badd\.f64\b")]
    private static partial Regex UnroundedAdd();

    // An instruction (optionally predicated) that starts with atom. or red.; bar.red.popc is a barrier.
    [GeneratedRegex(@"^\s*(@!?%p\d+\s+)?(atom|red)\.", RegexOptions.Multiline)]
    private static partial Regex AtomicInstruction();

    public void Dispose()
    {
        _backend.Dispose();
        _context.Dispose();
    }
}
