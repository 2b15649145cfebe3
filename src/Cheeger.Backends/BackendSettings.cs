using Cheeger.Gpu;
using Microsoft.Extensions.Logging;

namespace Cheeger.Backends;

/// <summary>What a factory of the registry is given when it creates a backend.</summary>
/// <param name="Logger">Receives the backend's own log lines (the native library search, the ILGPU device chosen).</param>
/// <param name="Device">The accelerator of a backend that has a choice (ilgpu); the others ignore it.</param>
public sealed record BackendSettings(ILogger? Logger = null, IlgpuDevicePreference Device = IlgpuDevicePreference.Auto);
