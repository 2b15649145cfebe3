namespace Cheeger.Interop;

/// <summary>No candidate path held a loadable libcheeger; the message lists every path tried, why each failed, and what usually causes it.</summary>
public sealed class NativeLibraryNotFoundException : Exception
{
    /// <summary>An exception listing <paramref name="attempts"/>.</summary>
    public NativeLibraryNotFoundException(IReadOnlyList<NativeLibraryAttempt> attempts)
        : base(Describe(attempts))
    {
        Attempts = attempts;
    }

    /// <summary>Every candidate, in the order tried, with its outcome.</summary>
    public IReadOnlyList<NativeLibraryAttempt> Attempts { get; }

    private static string Describe(IReadOnlyList<NativeLibraryAttempt> attempts)
    {
        var text = new System.Text.StringBuilder();
        text.Append($"The native library {NativeLibraryLoader.LibraryFileName} could not be loaded. Paths tried, in order:");
        foreach (NativeLibraryAttempt attempt in attempts) text.Append($"\n  {attempt.Path} ({attempt.Source}): {attempt.Outcome}");
        text.Append("\nLikely causes: it was not built (run ./build.sh Native); it was built for another architecture than this ")
            .Append(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant())
            .Append(" process; or it was built with CUDA and the CUDA runtime it links (libcudart) is missing.")
            .Append($" Set {NativeLibraryLoader.PathVariable} to the library file or its folder to choose one.");
        return text.ToString();
    }
}

/// <summary>One candidate the loader tried: where it looked, why there, and what happened.</summary>
/// <param name="Path">The file tried.</param>
/// <param name="Source">Which rule produced the path (environment variable, assembly folder, runtimes folder, build output).</param>
/// <param name="Outcome">"not found", the loader's error (wrong architecture, missing dependency), or "loaded".</param>
public sealed record NativeLibraryAttempt(string Path, string Source, string Outcome);
