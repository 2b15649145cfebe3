using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cheeger.Interop;

/// <summary>
/// Finds, loads and version-checks libcheeger, and answers the runtime's requests for it (a
/// <see cref="NativeLibrary.SetDllImportResolver"/> resolver for this assembly). Candidates, in order
/// (docs/architecture.md, "Paths the pieces agree on"): <c>CHEEGER_NATIVE_PATH</c> (a file or a folder), this
/// assembly's folder, <c>runtimes/&lt;rid&gt;/native/</c> below it, then <c>artifacts/native/lib/</c> in this
/// assembly's folder or the nearest folder above it that has one. The first file that loads is used; a version
/// the bindings cannot use is refused, not skipped.
/// </summary>
/// <remarks>The safe wrappers call <see cref="Load"/> first; code calling <see cref="NativeMethods"/> directly should too.</remarks>
public static partial class NativeLibraryLoader
{
    /// <summary>The environment variable that names the library file, or a folder holding it.</summary>
    public const string PathVariable = "CHEEGER_NATIVE_PATH";

    private static readonly Lock Gate = new();
    private static LoadedNativeLibrary? _loaded;

    static NativeLibraryLoader() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);

    /// <summary>The library's file name on this operating system: libcheeger.so, libcheeger.dylib or cheeger.dll.</summary>
    public static string LibraryFileName =>
        OperatingSystem.IsWindows() ? "cheeger.dll" : OperatingSystem.IsMacOS() ? "libcheeger.dylib" : "libcheeger.so";

    /// <summary>
    /// The loaded library, loading it on the first call (later calls return the same one). Each candidate is
    /// logged at debug level on <paramref name="logger"/>.
    /// </summary>
    /// <exception cref="NativeLibraryNotFoundException">No candidate loaded; the message lists every path tried.</exception>
    /// <exception cref="NativeLibraryVersionException">The first library that loaded has a version the bindings cannot use.</exception>
    public static LoadedNativeLibrary Load(ILogger? logger = null)
    {
        if (Volatile.Read(ref _loaded) is { } loaded) return loaded;
        lock (Gate)
        {
            _loaded ??= Probe(Candidates(), logger ?? NullLogger.Instance);
            return _loaded;
        }
    }

    /// <summary>The candidate files in the order they are tried, each with the rule that produced it.</summary>
    public static IReadOnlyList<(string Path, string Source)> Candidates()
    {
        var candidates = new List<(string, string)>();
        string? configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            string full = Path.GetFullPath(configured);
            candidates.Add((Directory.Exists(full) ? Path.Combine(full, LibraryFileName) : full, PathVariable));
        }

        string assemblyFolder = AssemblyFolder();
        candidates.Add((Path.Combine(assemblyFolder, LibraryFileName), "assembly folder"));
        candidates.Add((Path.Combine(assemblyFolder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", LibraryFileName),
            "runtimes/<rid>/native"));
        candidates.Add((NearestBuildOutput(assemblyFolder), "artifacts/native/lib in the assembly folder or the nearest folder above"));
        return candidates;
    }

    /// <summary>Tries <paramref name="candidates"/> in order; the first that loads is version-checked and returned.</summary>
    internal static LoadedNativeLibrary Probe(IEnumerable<(string Path, string Source)> candidates, ILogger logger)
    {
        var attempts = new List<NativeLibraryAttempt>();
        foreach ((string path, string source) in candidates)
        {
            if (!File.Exists(path))
            {
                LogCandidate(logger, path, source, "not found");
                attempts.Add(new NativeLibraryAttempt(path, source, "not found"));
                continue;
            }
            nint handle;
            try
            {
                handle = NativeLibrary.Load(path);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                // The loader's message names the real problem: wrong ELF class, a missing libcudart, ...
                LogCandidate(logger, path, source, e.Message);
                attempts.Add(new NativeLibraryAttempt(path, source, e.Message));
                continue;
            }

            if (!TryReadVersion(handle, out NativeVersion version, out string? problem))
            {
                NativeLibrary.Free(handle);
                LogCandidate(logger, path, source, problem);
                attempts.Add(new NativeLibraryAttempt(path, source, problem));
                continue;
            }
            if (!version.CanServe(NativeVersion.Header))
            {
                NativeLibrary.Free(handle);
                LogCandidate(logger, path, source, $"refused: version {version}, accepted {NativeVersion.AcceptedRange(NativeVersion.Header)}");
                throw new NativeLibraryVersionException(path, version, NativeVersion.Header);
            }
            LogCandidate(logger, path, source, $"loaded, version {version}");
            return new LoadedNativeLibrary(path, source, handle, version);
        }
        throw new NativeLibraryNotFoundException(attempts);
    }

    /// <summary>
    /// Asks the just-loaded file for its version through its own export, before any import is bound to it, so a
    /// stale or foreign library is refused before it serves a call.
    /// </summary>
    private static unsafe bool TryReadVersion(nint handle, out NativeVersion version, [NotNullWhen(false)] out string? problem)
    {
        version = default;
        if (!NativeLibrary.TryGetExport(handle, "cheeger_version_get", out nint export))
        {
            problem = "loads, but has no cheeger_version_get export: not a libcheeger";
            return false;
        }
        var versionGet = (delegate* unmanaged<int*, int*, int*, CheegerStatus>)export;
        int major, minor, patch;
        CheegerStatus status = versionGet(&major, &minor, &patch);
        if (status != CheegerStatus.Ok)
        {
            problem = $"loads, but cheeger_version_get failed ({status})";
            return false;
        }
        version = new NativeVersion(major, minor, patch);
        problem = null;
        return true;
    }

    /// <summary><c>artifacts/native/lib/&lt;file&gt;</c> in <paramref name="start"/> or the nearest folder above that has it; the one in <paramref name="start"/> when none does.</summary>
    private static string NearestBuildOutput(string start)
    {
        for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "artifacts", "native", "lib", LibraryFileName);
            if (File.Exists(candidate)) return candidate;
        }
        return Path.Combine(start, "artifacts", "native", "lib", LibraryFileName);
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == NativeMethods.LibraryName ? Load().Handle : 0;

    private static string AssemblyFolder()
    {
        string location = typeof(NativeLibraryLoader).Assembly.Location;
        return string.IsNullOrEmpty(location) ? AppContext.BaseDirectory : Path.GetDirectoryName(location)!;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "libcheeger candidate {Path} ({Source}): {Outcome}")]
    private static partial void LogCandidate(ILogger logger, string path, string source, string outcome);
}

/// <summary>The libcheeger in use: where it was found and the version it reported.</summary>
/// <param name="Path">The file loaded.</param>
/// <param name="Source">The rule that found it.</param>
/// <param name="Handle">The handle <see cref="NativeLibrary.Load(string)"/> returned.</param>
/// <param name="Version">What <c>cheeger_version_get</c> reported.</param>
public sealed record LoadedNativeLibrary(string Path, string Source, nint Handle, NativeVersion Version);
