using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Cheeger.Build.Engine;
using Spectre.Console;

namespace Cheeger.Build;

internal sealed partial class Build
{
    // PackageOutputPath in Directory.Build.props; the one version of every package is in Version.props.
    private const string PackagesDirectory = "artifacts/packages";
    private const string VersionFile = "Version.props";
    private const string RuntimePackage = "Cheeger.Runtime.linux-x64";
    private const string RuntimeLibraryEntry = "runtimes/linux-x64/native/libcheeger.so";
    private const string ToolPackage = "Cheeger.Cli";
    private const string SampleProject = "samples/Cheeger.Sample";
    private const string SamplePackagesFolder = "samples/.packages";

    private Target Pack => _ => _
        .Description($"Packs the libraries, the native runtime ({RuntimePackage}: the CUDA-built libcheeger) and the cheeger tool into {PackagesDirectory}.")
        .DependsOn(Compile)
        .Executes(async () =>
        {
            // Same version every time: old files would stand in for packages that were not made.
            if (Directory.Exists(PackagesDirectory)) Directory.Delete(PackagesDirectory, recursive: true);
            await DotNetAsync("pack", Solution, "-c", Configuration.ToString(), "--no-restore");
            var packages = Directory.EnumerateFiles(PackagesDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            AnsiConsole.MarkupLine($"[green]{packages.Count} files in {PackagesDirectory}:[/] {Markup.Escape(string.Join(", ", packages))}");
        });

    private Target PackageCheck => _ => _
        .Description("Checks the packages as a consumer gets them: the packaged libcheeger's dependencies (ldd), the sample restored and run on them, the tool installed from them and run.")
        .DependsOn(Pack)
        .Executes(async () =>
        {
            var suites = new TestSuites();
            await RunPackageSuitesAsync(suites);
            suites.PrintSummary();
            var failed = suites.Failed.ToList();
            if (failed.Count > 0) throw new BuildFailedException($"Package checks failed: {string.Join(", ", failed)}.");
        });

    /// <summary>The package checks, as suites of <see cref="PackageCheck"/> and of Test.</summary>
    private async Task RunPackageSuitesAsync(TestSuites suites)
    {
        await suites.RunAsync("runtime package (ldd)", CheckRuntimePackageAsync);
        await suites.RunAsync("sample on the packages", CheckSampleAsync);
        await suites.RunAsync("cheeger tool from the packages", CheckToolAsync);
    }

    /// <summary>The package version, from the one place that sets it.</summary>
    private static string PackageVersion() =>
        XDocument.Load(VersionFile).Descendants("Version").Single().Value;

    /// <summary>The packaged libcheeger needs nothing beyond glibc, libstdc++ and libgcc (<see cref="NativeDependencies"/>).</summary>
    private static async Task<string> CheckRuntimePackageAsync()
    {
        string package = Path.Combine(PackagesDirectory, $"{RuntimePackage}.{PackageVersion()}.nupkg");
        var folder = Directory.CreateTempSubdirectory("cheeger-runtime-");
        string ldd;
        try
        {
            string library = Path.Combine(folder.FullName, "libcheeger.so");
            using (ZipArchive archive = ZipFile.OpenRead(package))
            {
                ZipArchiveEntry entry = archive.GetEntry(RuntimeLibraryEntry)
                    ?? throw new BuildFailedException($"{package} has no {RuntimeLibraryEntry}.");
                entry.ExtractToFile(library);
            }
            ldd = await Tool.CaptureAsync("ldd", [library]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Console.WriteLine(ldd);
        var problems = NativeDependencies.Problems(ldd);
        if (problems.Count > 0)
        {
            throw new BuildFailedException($"{RuntimeLibraryEntry} in {package} needs what a consumer's machine may lack: {string.Join(", ", problems)}.");
        }
        return "needs " + string.Join(", ", NativeDependencies.Parse(ldd));
    }

    /// <summary>
    /// Restores the sample against the fresh packages (its own packages folder, emptied of Cheeger's), runs it on
    /// data/wine.csv and checks what it printed: the library from the runtime package, native-cpu available,
    /// native-cuda compiled in (with no device unless this machine has one), both methods' labels.
    /// </summary>
    private async Task<string> CheckSampleAsync()
    {
        if (Directory.Exists(SamplePackagesFolder))
        {
            foreach (var cached in Directory.EnumerateDirectories(SamplePackagesFolder, "cheeger.*")) Directory.Delete(cached, recursive: true);
        }

        var output = new List<string>();
        await Tool.RunAsync("dotnet", ["run", "--project", SampleProject, "-c", Configuration.ToString(), "--", "data/wine.csv", "3"],
            environment: PackagedOnlyEnvironment(), onOutput: output.Add);
        bool cudaDevice = await CudaDevicePresentAsync();
        var problems = SampleOutput.Problems(output, rows: 178, cudaDevice);
        if (problems.Count > 0) throw new BuildFailedException("The sample's output: " + string.Join("; ", problems));
        return "native-cpu available, native-cuda " + (cudaDevice ? "available" : "compiled in, no CUDA device") + ", labels of both methods";
    }

    /// <summary>
    /// Installs the tool from the local feed into a temporary folder (with a packages folder of its own, so that no
    /// cached copy stands in) and runs <c>cheeger compare</c> here and <c>cheeger cluster</c> on a CSV in a folder
    /// outside the repository.
    /// </summary>
    private static async Task<string> CheckToolAsync()
    {
        var folder = Directory.CreateTempSubdirectory("cheeger-tool-");
        try
        {
            string toolPath = Path.Combine(folder.FullName, "tool");
            var environment = PackagedOnlyEnvironment();
            environment["NUGET_PACKAGES"] = Path.Combine(folder.FullName, "packages");
            await Tool.RunAsync("dotnet",
                ["tool", "install", ToolPackage, "--version", PackageVersion(), "--tool-path", toolPath, "--add-source", Path.GetFullPath(PackagesDirectory)],
                environment: environment);
            string cheeger = Path.Combine(toolPath, "cheeger");

            var compare = new List<string>();
            await Tool.RunAsync(cheeger, ["compare", "data/wine.csv", "--method", "iso", "--k", "3"], environment: environment, onOutput: compare.Add);
            // The table's native-cpu row: it ran, on the packaged library, and its labels are the serial reference's.
            if (!compare.Select(line => line.Split('│', '|').Select(cell => cell.Trim()).ToList()).Any(cells => cells.Contains("native-cpu") && cells.Contains("yes")))
            {
                throw new BuildFailedException("The installed tool's compare table has no native-cpu row with the serial reference's labels ('same as serial': yes).");
            }

            string outside = Path.Combine(folder.FullName, "elsewhere");
            Directory.CreateDirectory(outside);
            File.Copy("data/wine.csv", Path.Combine(outside, "points.csv"));
            var json = new List<string>();
            await Tool.RunAsync(cheeger, ["cluster", "points.csv", "--method", "iso", "--k", "3", "--backend", "native-cpu", "--json"],
                workingDirectory: outside, environment: environment, onOutput: json.Add);
            using var result = JsonDocument.Parse(string.Join('\n', json));
            int n = result.RootElement.GetProperty("n").GetInt32();
            if (n != 178) throw new BuildFailedException($"cheeger cluster outside the repository clustered {n} points of data/wine.csv's 178.");
            return $"{ToolPackage} {PackageVersion()} installed; compare on data/wine.csv; cluster on a CSV outside the repository ({n} points, native-cpu)";
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>No CHEEGER_NATIVE_PATH: the library must come from the packages, not from a variable set for another suite.</summary>
    private static Dictionary<string, string?> PackagedOnlyEnvironment() => new() { ["CHEEGER_NATIVE_PATH"] = null };

    /// <summary>Whether the driver lists a GPU (a device node alone can exist without one).</summary>
    private static async Task<bool> CudaDevicePresentAsync()
    {
        if (Tool.FindOnPath("nvidia-smi") is null) return false;
        var list = await Tool.CaptureUncheckedAsync("nvidia-smi", ["-L"]);
        return list.ExitCode == 0 && list.Output.Contains("GPU ", StringComparison.Ordinal);
    }
}
