using Cheeger.Clustering.Isoperimetric;

namespace Cheeger.Gpu.Tests;

/// <summary>Hands each report to an action as it is made (unlike <see cref="Progress{T}"/>, which posts them).</summary>
internal sealed class Recorder(Action<IsoperimetricProgress> onReport) : IProgress<IsoperimetricProgress>
{
    public void Report(IsoperimetricProgress value) => onReport(value);
}
