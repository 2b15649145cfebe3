using Cheeger.Backends;
using Cheeger.Clustering.Backends;

namespace Cheeger.Conformance.Tests;

/// <summary>
/// What turns an unavailable backend from a visible skip into a failure: <c>CHEEGER_REQUIRE_NATIVE=1</c> (set by
/// <c>./build.sh Test</c> once the native library is built) for the native backends, and <c>CHEEGER_REQUIRE_CUDA=1</c>
/// (set by the GPU bundle's runner on a machine with a GPU) for every backend that needs CUDA.
/// </summary>
internal static class Requirements
{
    /// <summary>Set to 1 where the native library must load.</summary>
    public const string RequireNativeVariable = "CHEEGER_REQUIRE_NATIVE";

    /// <summary>Set to 1 where a CUDA device must be usable.</summary>
    public const string RequireCudaVariable = "CHEEGER_REQUIRE_CUDA";

    /// <summary>Skips the running test with <paramref name="reason"/>, or fails it when the environment requires the target.</summary>
    public static void SkipUnavailable(ConformanceTarget target, string reason)
    {
        bool native = target.Registration.Name is BackendNames.NativeCpu or BackendNames.NativeCuda;
        bool required = (target.NeedsCuda && Set(RequireCudaVariable)) || (native && !target.NeedsCuda && Set(RequireNativeVariable));
        string message = $"{target.Label} is not available here: {BackendSet.Brief(reason)}";
        if (required) Assert.Fail($"{message} ({(target.NeedsCuda ? RequireCudaVariable : RequireNativeVariable)}=1 requires it)");
        Assert.Skip(message);
    }

    private static bool Set(string variable) => Environment.GetEnvironmentVariable(variable) is "1" or "true" or "TRUE" or "True";
}
