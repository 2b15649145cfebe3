namespace Cheeger.Gpu;

/// <summary>For the CPU accelerator, whose kernels run as .NET code: the JIT never contracts a·b + c.</summary>
internal readonly struct ManagedArithmetic : IDeviceArithmetic
{
    /// <inheritdoc/>
    public double Multiply(double a, double b) => a * b;

    /// <inheritdoc/>
    public double Add(double a, double b) => a + b;
}
