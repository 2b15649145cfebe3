using ILGPU;
using ILGPU.Runtime;

namespace Cheeger.Gpu;

/// <summary>
/// A device buffer that is reused from call to call and replaced by a larger one only when a call needs more
/// elements than it holds, so that repeated runs do not allocate.
/// </summary>
internal sealed class DeviceBuffer<T>(Accelerator accelerator) : IDeviceBuffer
    where T : unmanaged
{
    private MemoryBuffer1D<T, Stride1D.Dense>? _buffer;

    /// <inheritdoc/>
    public long Capacity => _buffer?.Length ?? 0;

    /// <inheritdoc/>
    public int Allocations { get; private set; }

    /// <summary>A view of the first <paramref name="length"/> elements, growing the allocation when needed.</summary>
    public ArrayView<T> View(long length)
    {
        if (_buffer is null || _buffer.Length < length)
        {
            _buffer?.Dispose();
            _buffer = null;
            _buffer = accelerator.Allocate1D<T>(Math.Max(length, 1));
            Allocations++;
        }
        return _buffer.AsContiguous().SubView(0, length);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _buffer?.Dispose();
        _buffer = null;
    }
}

/// <summary>What every <see cref="DeviceBuffer{T}"/> tells about its allocation, whatever its element type.</summary>
internal interface IDeviceBuffer : IDisposable
{
    /// <summary>Elements the current allocation holds (0 before the first use).</summary>
    long Capacity { get; }

    /// <summary>How many times the buffer has been (re)allocated.</summary>
    int Allocations { get; }
}
