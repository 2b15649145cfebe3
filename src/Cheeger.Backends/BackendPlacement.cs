namespace Cheeger.Backends;

/// <summary>Where a backend computes.</summary>
public enum BackendPlacement
{
    /// <summary>On the host's cores.</summary>
    Host,

    /// <summary>On a CUDA GPU; unavailable without one.</summary>
    Gpu,

    /// <summary>On a CUDA GPU when asked for one, else on ILGPU's CPU accelerator (a simulator, slower than the host backends).</summary>
    Accelerator,
}
