using System.Globalization;

namespace Cheeger.Clustering;

/// <summary>
/// Refuses work whose memory is known before it starts and does not fit: the bytes a run will allocate are
/// computed up front and compared with what the garbage collector says this process may use
/// (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: physical memory or the container's limit), and no
/// single array may exceed <see cref="Array.MaxLength"/> elements. A refusal is one
/// <see cref="ClusteringInputException"/> naming what needs the memory and how much, instead of an
/// <see cref="OutOfMemoryException"/> half-way through a run.
/// </summary>
public static class MemoryBudget
{
    /// <summary>The bytes this process may use, as the garbage collector reports them.</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Refuses <paramref name="purpose"/> when it needs more than <see cref="AvailableBytes"/>.</summary>
    /// <param name="bytes">The bytes the work will allocate (an estimate from its sizes; saturated, never negative).</param>
    /// <param name="purpose">What needs them, for the message: "k-means (parallel) of n = 10, d = 2, k = 3".</param>
    public static void Require(double bytes, string purpose) => Require(bytes, purpose, AvailableBytes);

    /// <summary>Refuses <paramref name="purpose"/> when it needs more than <paramref name="availableBytes"/>.</summary>
    public static void Require(double bytes, string purpose, long availableBytes)
    {
        if (bytes > availableBytes)
        {
            throw new ClusteringInputException(
                $"{purpose} needs about {Describe(bytes)} of memory, more than the {Describe(availableBytes)} this process may use; " +
                "use fewer points, features or clusters.");
        }
    }

    /// <summary>Refuses an array of more than <see cref="Array.MaxLength"/> elements, which .NET cannot allocate.</summary>
    /// <param name="elements">The array's length.</param>
    /// <param name="what">The array, for the message: "the per-chunk delta sums of k-means (parallel)".</param>
    public static void RequireArrayLength(double elements, string what)
    {
        if (elements > Array.MaxLength)
        {
            throw new ClusteringInputException(
                $"{what} would hold {elements.ToString("N0", CultureInfo.InvariantCulture)} values, more than the largest .NET array " +
                $"({Array.MaxLength.ToString("N0", CultureInfo.InvariantCulture)}); use fewer points, features or clusters.");
        }
    }

    /// <summary>Bytes in the largest whole unit: "512 B", "3.2 MiB", "17.5 GiB".</summary>
    public static string Describe(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        int unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.0} {units[unit]}");
    }
}
