namespace Cheeger.Clustering.Backends;

/// <summary>
/// One implementation of one or both methods (managed serial, managed parallel, ILGPU, native CPU, native CUDA).
/// Every backend is checked against the managed serial reference of its method.
/// </summary>
public interface IClusteringBackend
{
    /// <summary>The name the command line uses: serial, parallel, ilgpu, native-cpu, native-cuda.</summary>
    string Name { get; }

    /// <summary>Whether the backend can run here, and if not, why (no GPU, native library not built, ...).</summary>
    BackendAvailability Availability { get; }
}

/// <summary>Whether a backend can run on this machine; <see cref="Reason"/> says why not, or which device it uses.</summary>
public readonly record struct BackendAvailability(bool IsAvailable, string Reason)
{
    /// <summary>Available; <paramref name="detail"/> names the device or library used.</summary>
    public static BackendAvailability Available(string detail = "") => new(true, detail);

    /// <summary>Not available, for the given reason.</summary>
    public static BackendAvailability Unavailable(string reason) => new(false, reason);
}
