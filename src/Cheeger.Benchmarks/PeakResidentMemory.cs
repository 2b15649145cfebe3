using System.Globalization;
using System.Runtime.InteropServices;

namespace Cheeger.Benchmarks;

/// <summary>
/// The peak resident set of this process on Linux, which counts native allocations as well as managed ones:
/// writing "5" to <c>/proc/self/clear_refs</c> resets the peak (<c>VmHWM</c> of <c>/proc/self/status</c>) to the
/// current resident set (<c>VmRSS</c>), and <c>VmHWM</c> afterwards is the most that was resident since. Before
/// the reset both heaps return their free memory to the system, so that what runs next cannot reuse memory that is
/// already resident and stay below its real peak.
/// Elsewhere (or where /proc refuses) nothing is measured.
/// </summary>
public static class PeakResidentMemory
{
    private const string ClearRefs = "/proc/self/clear_refs";
    private const string Status = "/proc/self/status";

    /// <summary>Whether this system has the files (Linux).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && File.Exists(ClearRefs) && File.Exists(Status);

    /// <summary>
    /// Returns both heaps' free memory to the system, resets the peak, and returns the resident bytes at that point;
    /// null where unsupported.
    /// </summary>
    public static long? Reset()
    {
        if (!IsSupported) return null;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        TrimNativeHeap();
        try
        {
            File.WriteAllText(ClearRefs, "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return StatusBytes("VmRSS:");
    }

    /// <summary>The peak resident bytes since the last <see cref="Reset"/> (or since the process started); null where unsupported.</summary>
    public static long? Peak() => IsSupported ? StatusBytes("VmHWM:") : null;

    /// <summary>
    /// Returns the free memory of the C heap to the system (glibc's <c>malloc_trim</c>): glibc keeps freed blocks,
    /// which a later native allocation would reuse without raising the resident set. A C library without it is left as it is.
    /// </summary>
    private static void TrimNativeHeap()
    {
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    /// <summary>A "Name:   1234 kB" line of /proc/self/status in bytes.</summary>
    private static long? StatusBytes(string field)
    {
        foreach (string line in File.ReadLines(Status))
        {
            if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
            string[] parts = line[field.Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024; // the kernel writes kB
        }
        return null;
    }
}
