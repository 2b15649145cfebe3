namespace Cheeger.Gpu;

/// <summary>
/// Double-precision products and sums, each rounded once, as every backend computes them (no fused
/// multiply-add). Kernels take the implementation as a struct type argument, so each accelerator gets its
/// own code without a runtime branch: <see cref="PtxRoundedArithmetic"/> on CUDA, <see cref="ManagedArithmetic"/>
/// on the CPU accelerator.
/// </summary>
internal interface IDeviceArithmetic
{
    /// <summary>a·b, rounded to nearest.</summary>
    double Multiply(double a, double b);

    /// <summary>a + b, rounded to nearest.</summary>
    double Add(double a, double b);
}
