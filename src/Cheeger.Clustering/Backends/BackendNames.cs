namespace Cheeger.Clustering.Backends;

/// <summary>
/// The one spelling of each backend's name, which the backends report as their <see cref="IClusteringBackend.Name"/>
/// and the backend registry (Cheeger.Backends) registers them under.
/// </summary>
public static class BackendNames
{
    /// <summary>The managed serial reference.</summary>
    public const string Serial = "serial";

    /// <summary>The managed multi-core SIMD backend.</summary>
    public const string Parallel = "parallel";

    /// <summary>The ILGPU backend (CPU accelerator or CUDA).</summary>
    public const string Ilgpu = "ilgpu";

    /// <summary>The native core on its CPU backend.</summary>
    public const string NativeCpu = "native-cpu";

    /// <summary>The native core on its CUDA backend.</summary>
    public const string NativeCuda = "native-cuda";
}
