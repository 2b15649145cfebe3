using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Cheeger.Build.Engine;
using Spectre.Console;

namespace Cheeger.Build;

internal sealed partial class Build
{
    private const string GpuBundleArchive = "artifacts/gpu-bundle.tar.xz";
    private const string GpuBundleStaging = "artifacts/gpu-bundle";
    private const string GpuBundleName = "cheeger-gpu-bundle";
    private const string GpuBundleCheckResults = "artifacts/gpu-bundle-check";
    private const string GpuScript = "build/gpu/run-gpu.sh";
    /// <summary>Where the bundle carries the CUDA-built libcheeger.so and native tests (run-gpu.sh uses them as they are).</summary>
    private const string GpuBundlePrebuilt = "prebuilt";

    /// <summary>
    /// The bundle travels to the GPU machine with the repository's working tree, which may hold 64 MiB in all; the
    /// tracked files take about 6 MB, so 48 MB leaves room for both with a margin.
    /// </summary>
    [Parameter("Size cap of GpuBundle's archive, in MB (10^6 bytes).")]
    private readonly int BundleMaxMb = 48;

    private long GpuBundleMaxBytes => BundleMaxMb * 1_000_000L;

    /// <summary>The GPU machines are Linux x64; a RID-specific publish leaves out every other platform's native assets.</summary>
    private const string GpuRuntimeIdentifier = "linux-x64";

    /// <summary>xz's strongest preset: the bundle's size limit matters more than the minute it costs.</summary>
    private static readonly Dictionary<string, string?> StrongXz = new() { ["XZ_OPT"] = "-9" };

    private Target GpuBundle => _ => _
        .Description($"Packs the CLI, the test projects, the benchmarks, the report renderer, a .NET runtime, the native sources, the data and {GpuScript} into {GpuBundleArchive} (at most {GpuBundleMaxBytes / 1_000_000} MB).")
        .Executes(async () =>
        {
            if (OperatingSystem.IsWindows())
            {
                throw new BuildFailedException("The GPU bundle is built on Linux (tar, xz, executable file modes).");
            }

            var bundle = Path.Combine(GpuBundleStaging, GpuBundleName);
            if (Directory.Exists(GpuBundleStaging))
            {
                Directory.Delete(GpuBundleStaging, recursive: true);
            }

            Directory.CreateDirectory(bundle);
            // The bundle's root is laid out like the repository's where the tests look for it: the native sources
            // (native/include/cheeger.h marks the root for the native tests), the data, the checked-in bindings and
            // Interop.sln (the marker the managed tests walk up to).
            CopyNativeSources(bundle);
            CopyDirectory("data", Path.Combine(bundle, "data"));
            CopyRepositoryMarkers(bundle);
            CopyDirectory(BenchmarkExports, Path.Combine(bundle, BenchmarkExports));
            var apps = new List<(string Project, string Folder)> { (CliProject, "apps/cli"), (BenchmarksProject, "apps/benchmarks"), (ReportsProject, "apps/reports") };
            apps.AddRange(Directory.EnumerateFiles(TestsDirectory, "*.csproj", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(project => (project, "tests/" + Path.GetFileNameWithoutExtension(project))));
            foreach (var (project, folder) in apps)
            {
                await PublishForGpuAsync(project, Path.Combine(bundle, folder));
            }

            // The apps get the library that run-gpu.sh chooses (the prebuilt CUDA one, or one it builds there).
            foreach (var library in Directory.EnumerateFiles(bundle, "libcheeger.*", SearchOption.AllDirectories))
            {
                File.Delete(library);
            }

            await CopyPrebuiltCudaLibraryAsync(Path.Combine(bundle, GpuBundlePrebuilt));

            RemoveFilesTheRunNeverLoads(bundle);

            var runtime = await PackDotNetRuntimeAsync(Path.Combine(bundle, "dotnet-runtime.tar.xz"));
            var script = Path.Combine(bundle, "run-gpu.sh");
            File.Copy(GpuScript, script);
            File.SetUnixFileMode(script, File.GetUnixFileMode(script) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            await File.WriteAllTextAsync(Path.Combine(bundle, "manifest.txt"), await BundleManifestAsync(runtime, apps.Select(a => a.Folder)));

            await ArchiveAsync(GpuBundleStaging, GpuBundleName, GpuBundleArchive);
            var size = new FileInfo(GpuBundleArchive).Length;
            if (size > GpuBundleMaxBytes)
            {
                throw new BuildFailedException($"{GpuBundleArchive} is {FormatMegabytes(size)}, over the {FormatMegabytes(GpuBundleMaxBytes)} limit. Largest parts (uncompressed): {LargestParts(bundle)}.");
            }

            AnsiConsole.MarkupLine($"[green]{GpuBundleArchive}: {FormatMegabytes(size)} (limit {FormatMegabytes(GpuBundleMaxBytes)}).[/]");
        });

    private Target GpuBundleCheck => _ => _
        .Description($"Unpacks {GpuBundleArchive} into a temporary folder and runs run-gpu.sh --no-cuda there (CPU-only native build, tests, dry benchmarks); results in {GpuBundleCheckResults}.")
        .DependsOn(GpuBundle)
        .Executes(async () =>
        {
            var work = Directory.CreateTempSubdirectory("cheeger-gpu-bundle-check-");
            try
            {
                await Tool.RunAsync("tar", ["-C", work.FullName, "-xJf", GpuBundleArchive]);
                var results = Path.GetFullPath(GpuBundleCheckResults);
                if (Directory.Exists(results))
                {
                    Directory.Delete(results, recursive: true);
                }

                var bundle = Path.Combine(work.FullName, GpuBundleName);
                await Tool.RunAsync("bash",
                [
                    Path.Combine(bundle, "run-gpu.sh"), "--no-cuda", "--results", results, "--jobs", Jobs.ToString(CultureInfo.InvariantCulture),
                    "--benchmark-job", "Dry", "--benchmark-filter", BenchmarkFilter,
                ]);

                // The script's exit code says every step passed; also make sure each test project left its results.
                var missing = Directory.EnumerateDirectories(Path.Combine(bundle, "tests"))
                    .Select(Path.GetFileName)
                    .Where(name => !File.Exists(Path.Combine(results, "tests", name + ".xml")))
                    .ToList();
                if (missing.Count > 0)
                {
                    throw new BuildFailedException($"run-gpu.sh left no xUnit results for: {string.Join(", ", missing)}.");
                }
            }
            finally
            {
                work.Delete(recursive: true);
            }
        });

    /// <summary>
    /// The CUDA-built libcheeger.so and GoogleTest programs of Native (nvcc; the CUDA runtime linked statically), so
    /// that a GPU machine with only a driver runs them: no nvcc, CMake or .NET SDK there. Without a CUDA build here
    /// the bundle carries none, and run-gpu.sh builds the native core on the GPU machine.
    /// </summary>
    private static async Task CopyPrebuiltCudaLibraryAsync(string destination)
    {
        var library = Path.Combine(NativeLibraryDirectory, "libcheeger.so");
        var tests = new[] { "cheeger_tests", "cheeger_cuda_tests" }.Select(name => Path.Combine(NativeBuildDirectory, "bin", name));
        var cache = Path.Combine(NativeBuildDirectory, "CMakeCache.txt");
        // check_language(CUDA) caches the compiler it found (a path), or NOTFOUND.
        var withCuda = File.Exists(cache) && (await File.ReadAllTextAsync(cache)).Contains("CMAKE_CUDA_COMPILER:FILEPATH=/", StringComparison.Ordinal);
        if (!withCuda || !File.Exists(library))
        {
            AnsiConsole.MarkupLine($"[yellow]{NativeBuildDirectory} is not a CUDA build: the bundle carries no prebuilt library, and run-gpu.sh builds one there.[/]");
            return;
        }

        Directory.CreateDirectory(destination);
        File.Copy(library, Path.Combine(destination, "libcheeger.so"));
        foreach (var program in tests.Where(File.Exists))
        {
            File.Copy(program, Path.Combine(destination, Path.GetFileName(program)));
        }

        AnsiConsole.MarkupLine($"[grey]Prebuilt CUDA library and native tests in {GpuBundlePrebuilt}/.[/]");
    }

    /// <summary>
    /// Files the published apps carry for uses the GPU run has none of, left out to keep the bundle under its size
    /// limit: the code-coverage collector of Microsoft.NET.Test.Sdk (the tests run as plain programs, without
    /// coverage), native debug symbols, and BenchmarkDotNet's disassembler engines (Windows' DIA SDK and capstone;
    /// no suite asks for disassembly).
    /// </summary>
    private static void RemoveFilesTheRunNeverLoads(string bundle)
    {
        foreach (var folder in Directory.EnumerateDirectories(bundle, "Microsoft.CodeCoverage", SearchOption.AllDirectories).ToList())
        {
            Directory.Delete(folder, recursive: true);
        }

        foreach (var pattern in UnneededFilePatterns)
        {
            foreach (var file in Directory.EnumerateFiles(bundle, pattern, SearchOption.AllDirectories).ToList())
            {
                File.Delete(file);
            }
        }
    }

    private static readonly string[] UnneededFilePatterns = ["*.so.dbg", "msdia140.dll", "libcapstone.so"];

    /// <summary>Runtime files for debugging and crash dumps (a debugger's shim, the data-access component, createdump), which the GPU run never uses.</summary>
    private static readonly string[] UnneededRuntimeFiles = ["libmscordbi.so", "libmscordaccore.so", "createdump"];

    private static Task PublishForGpuAsync(string project, string output) =>
        DotNetAsync(
            "publish", project, "-c", "Release", "-r", GpuRuntimeIdentifier, "--self-contained", "false", "-o", output,
            // English only: the satellite resource folders of every package would cost megabytes.
            "-p:SatelliteResourceLanguages=en",
            // Not ReadyToRun (the cheeger tool package is): that would double the assemblies, and the GPU runs are long.
            "-p:PublishReadyToRun=false");

    /// <summary>
    /// Packs the runtime this build program runs on (the one the published apps need): the dotnet host, its
    /// hostfxr and Microsoft.NETCore.App (without <see cref="UnneededRuntimeFiles"/>), from the .NET root above it.
    /// Returns the runtime's version.
    /// </summary>
    private static async Task<string> PackDotNetRuntimeAsync(string archive)
    {
        var runtimeDirectory = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
        var version = Path.GetFileName(runtimeDirectory);
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var fxr = Directory.Exists(Path.Combine(dotnetRoot, "host", "fxr"))
            ? Directory.EnumerateDirectories(Path.Combine(dotnetRoot, "host", "fxr")).Select(Path.GetFileName).MaxBy(v => Version.TryParse(v!.Split('-')[0], out var parsed) ? parsed : new Version())
            : null;
        if (!File.Exists(Path.Combine(dotnetRoot, "dotnet")) || fxr is null)
        {
            throw new BuildFailedException($"{dotnetRoot} (above the running runtime {runtimeDirectory}) has no dotnet host or host/fxr; cannot pack a runtime.");
        }

        AnsiConsole.MarkupLine($"[grey]Packing .NET runtime {version} (hostfxr {fxr}) from {dotnetRoot}.[/]");
        var entries = new[] { "dotnet", $"host/fxr/{fxr}", $"shared/Microsoft.NETCore.App/{version}", "LICENSE.txt", "ThirdPartyNotices.txt" }
            .Where(entry => Path.Exists(Path.Combine(dotnetRoot, entry)));
        await Tool.RunAsync("tar",
            ["-C", dotnetRoot, "--owner=0", "--group=0", "--numeric-owner", .. UnneededRuntimeFiles.Select(file => $"--exclude={file}"), "-cJf", Path.GetFullPath(archive), .. entries],
            environment: StrongXz);
        return version;
    }

    private static void CopyNativeSources(string destination)
    {
        foreach (var required in new[] { "CMakeLists.txt", "native" })
        {
            if (!Path.Exists(required))
            {
                throw new BuildFailedException($"The GPU bundle needs {required} at the repository root, and it is missing.");
            }
        }

        Directory.CreateDirectory(destination);
        File.Copy("CMakeLists.txt", Path.Combine(destination, "CMakeLists.txt"));
        if (File.Exists("CMakePresets.json"))
        {
            File.Copy("CMakePresets.json", Path.Combine(destination, "CMakePresets.json"));
        }

        foreach (var folder in new[] { "cmake", "native" }.Where(Directory.Exists))
        {
            CopyDirectory(folder, Path.Combine(destination, folder), except: NativeFoldersTheRunNeverReads);
        }
    }

    /// <summary>The fuzzer's seed corpus (2.4 MB of inputs that compress poorly): only the Fuzz target reads it.</summary>
    private static readonly string[] NativeFoldersTheRunNeverReads = ["native/fuzz/corpus"];

    /// <summary>
    /// Interop.sln and the checked-in generated bindings, which test helpers use to find the repository root and
    /// compare against, and the docs the report tests read (with <see cref="BenchmarkExports"/>): the study's
    /// figures, and docs/benchmarks.md, which must equal a re-render of its exports.
    /// </summary>
    private static void CopyRepositoryMarkers(string destination)
    {
        foreach (var file in RepositoryMarkers)
        {
            if (!File.Exists(file))
            {
                throw new BuildFailedException($"The GPU bundle needs {file} (the tests look for it), and it is missing.");
            }

            var target = Path.Combine(destination, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static readonly string[] RepositoryMarkers = ["Interop.sln", "bindings/Cheeger.Interop/NativeMethods.generated.cs", "docs/benchmarks.md", "docs/kmeans-study.md"];

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>, leaving out the folders in <paramref name="except"/> (repository-relative).</summary>
    private static void CopyDirectory(string source, string destination, IReadOnlyCollection<string>? except = null)
    {
        var skipped = (except ?? []).Select(Path.GetFullPath).ToList();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var full = Path.GetFullPath(file);
            if (skipped.Any(folder => full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))) continue;
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<string> BundleManifestAsync(string runtimeVersion, IEnumerable<string> apps)
    {
        var commit = (await Tool.CaptureUncheckedAsync("git", ["rev-parse", "HEAD"])).Output.Trim();
        var changes = (await Tool.CaptureUncheckedAsync("git", ["status", "--porcelain"])).Output;
        var manifest = new StringBuilder();
        manifest.AppendLine(CultureInfo.InvariantCulture, $"commit:  {(commit.Length > 0 ? commit : "unknown")}{(changes.Trim().Length > 0 ? " (with uncommitted changes)" : "")}");
        manifest.AppendLine(CultureInfo.InvariantCulture, $"created: {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}");
        manifest.AppendLine(CultureInfo.InvariantCulture, $"runtime: Microsoft.NETCore.App {runtimeVersion} ({GpuRuntimeIdentifier})");
        manifest.AppendLine("apps:");
        foreach (var app in apps)
        {
            manifest.AppendLine(CultureInfo.InvariantCulture, $"  {app}");
        }

        return manifest.ToString();
    }

    /// <summary>
    /// Archives <paramref name="folder"/> (inside <paramref name="parent"/>) as tar.xz with the files ordered by name
    /// before folder: the copies of one assembly in several app folders then sit side by side, and xz stores each
    /// copy after the first almost for free.
    /// </summary>
    private static async Task ArchiveAsync(string parent, string folder, string archive)
    {
        var files = Directory.EnumerateFiles(Path.Combine(parent, folder), "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(parent, file).Replace('\\', '/'))
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ThenBy(file => file, StringComparer.Ordinal)
            .ToList();
        var list = Path.GetFullPath(Path.Combine(parent, "files.txt"));
        await File.WriteAllLinesAsync(list, files);
        File.Delete(archive);
        await Tool.RunAsync(
            "tar",
            ["-C", parent, "--owner=0", "--group=0", "--numeric-owner", "--no-recursion", "-T", list, "-cJf", Path.GetFullPath(archive)],
            environment: StrongXz);
    }

    private static string LargestParts(string bundle) =>
        string.Join(", ", Directory.EnumerateFileSystemEntries(bundle)
            .Select(entry => (Name: Path.GetFileName(entry), Bytes: File.Exists(entry)
                ? new FileInfo(entry).Length
                : Directory.EnumerateFiles(entry, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)))
            .OrderByDescending(part => part.Bytes)
            .Take(5)
            .Select(part => $"{part.Name} {FormatMegabytes(part.Bytes)}"));

    private static string FormatMegabytes(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
