namespace Cheeger.Build;

/// <summary>The .NET build configuration (<c>--configuration</c>).</summary>
internal enum Configuration
{
    /// <summary>Optimized; the default, and what benchmarks and the GPU bundle always use.</summary>
    Release,

    /// <summary>Unoptimized, for debugging.</summary>
    Debug,
}
