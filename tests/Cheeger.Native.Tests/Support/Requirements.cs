using Cheeger.Bindings.Generator;
using Cheeger.Interop;

namespace Cheeger.Native.Tests.Support;

/// <summary>
/// What a test needs from the machine. A missing piece skips the test visibly with the reason, so an absent
/// library never reads as a pass; with <c>CHEEGER_REQUIRE_NATIVE=1</c> (which <c>./build.sh Test</c> sets once the native build has run) it fails instead.
/// </summary>
internal static class Requirements
{
    /// <summary>Set to 1 where the native library must be present: its absence then fails the tests.</summary>
    public const string RequireNativeVariable = "CHEEGER_REQUIRE_NATIVE";

    /// <summary>The loaded libcheeger; skips (or fails, see <see cref="RequireNativeVariable"/>) when it cannot load.</summary>
    public static LoadedNativeLibrary NativeLibrary()
    {
        try
        {
            return NativeLibraryLoader.Load();
        }
        catch (NativeLibraryNotFoundException e) when (!NativeRequired)
        {
            Assert.Skip($"libcheeger is not available; build it with ./build.sh Native (tried: {string.Join(", ", e.Attempts.Select(a => $"{a.Path}: {a.Outcome}"))}).");
            throw; // not reached: Assert.Skip throws
        }
    }

    /// <summary>Set to 1 where native-cuda must run (the emulated device's runs, GPU machines): its absence then fails the tests.</summary>
    public const string RequireCudaVariable = "CHEEGER_REQUIRE_CUDA";

    /// <summary>Skips (or, where <see cref="RequireCudaVariable"/> is set, fails) when native-cuda cannot run here.</summary>
    public static void Cuda(Cheeger.Clustering.Backends.BackendAvailability availability)
    {
        if (availability.IsAvailable) return;
        string reason = $"native-cuda is not available here: {availability.Reason}";
        if (IsSet(RequireCudaVariable)) Assert.Fail($"{reason} ({RequireCudaVariable}=1)");
        Assert.Skip(reason);
    }

    /// <summary>The clang the generator would use; skips when none is installed.</summary>
    public static string Clang()
    {
        try
        {
            return ClangAstDumper.Locate(null);
        }
        catch (BindingsException e)
        {
            Assert.Skip(e.Message);
            throw;
        }
    }

    /// <summary>A C compiler for building stand-in libraries; skips when none is installed.</summary>
    public static string CCompiler()
    {
        foreach (string name in (string[])["cc", "gcc", "clang"])
        {
            string? found = Environment.GetEnvironmentVariable("PATH")?
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Combine(folder, name))
                .FirstOrDefault(File.Exists);
            if (found is not null) return found;
        }
        Assert.Skip("No C compiler (cc, gcc, clang) on PATH to build a stand-in library.");
        throw new InvalidOperationException();
    }

    private static bool NativeRequired => IsSet(RequireNativeVariable);

    private static bool IsSet(string variable) => Environment.GetEnvironmentVariable(variable) is "1" or "true" or "TRUE" or "True";
}
