using ILGPU.Runtime.Cuda;

namespace Cheeger.Gpu;

/// <summary>
/// For CUDA kernels: ILGPU emits plain <c>mul.f64</c>/<c>add.f64</c>, which ptxas may contract into a fused
/// multiply-add; the explicit <c>.rn</c> forms are never contracted.
/// </summary>
internal readonly struct PtxRoundedArithmetic : IDeviceArithmetic
{
    /// <inheritdoc/>
    public double Multiply(double a, double b)
    {
        CudaAsm.Emit("mul.rn.f64 %0, %1, %2;", out double product, a, b);
        return product;
    }

    /// <inheritdoc/>
    public double Add(double a, double b)
    {
        CudaAsm.Emit("add.rn.f64 %0, %1, %2;", out double sum, a, b);
        return sum;
    }
}
