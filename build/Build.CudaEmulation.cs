using System.Globalization;
using System.Xml.Linq;
using Cheeger.Build.Engine;
using Spectre.Console;

namespace Cheeger.Build;

/// <summary>
/// The CUDA code run on the emulated device (native/simt): the CUDA sources compiled as C++ (presets <c>simt</c>
/// and <c>simt-sanitize</c>), every CUDA GoogleTest case plain and under ASan+UBSan, the .NET native-cuda tests
/// against that library, and the command line through it. Nothing may skip: CHEEGER_REQUIRE_CUDA=1 turns a missing
/// device into a failure. It ends with one line <c>CUDA emulation: N passed, M failed, S skipped</c>.
/// </summary>
internal sealed partial class Build
{
    private const string SimtBuildDirectory = "artifacts/native-simt";
    private const string SimtSanitizeBuildDirectory = "artifacts/native-simt-sanitize";
    private const string EmulatedLibrary = SimtBuildDirectory + "/lib/libcheeger.so";
    private const string NativeTestsProject = "tests/Cheeger.Native.Tests/Cheeger.Native.Tests.csproj";
    private const string RequireCudaVariable = "CHEEGER_REQUIRE_CUDA";
    /// <summary>The CUDA backend's GoogleTest suites (CudaIso, Shapes/CudaKMeansMatchesReference, ...) and ctest entries (cuda_...).</summary>
    private const string CudaCTestPattern = "(^|/)Cuda|^cuda_";
    /// <summary>The CUDA backend's xunit classes (NativeCudaKMeansTests, NativeCudaDataSetTests, IlgpuNativeCudaCrossCheckTests).</summary>
    private const string CudaTestClassPattern = "*Cuda*";
    /// <summary>The GoogleTest program of the CUDA backend's tests (native/tests/CMakeLists.txt).</summary>
    private const string CudaTestProgram = "cheeger_cuda_tests";
    /// <summary>The shared library's CMake target (CMakeLists.txt).</summary>
    private const string LibraryTarget = "cheeger";

    private Target CudaEmulation => _ => _
        .Description("Runs every CUDA test on the emulated device (native/simt): GoogleTest plain and sanitized, the .NET native-cuda tests, the command line.")
        .DependsOn(Compile)
        .Executes(async () => { await RunCudaEmulationAsync(); });

    private async Task<string> RunCudaEmulationAsync()
    {
        var counts = new List<TestCounts>
        {
            await CTestOnEmulatedDeviceAsync("simt", SimtBuildDirectory),
            await CTestOnEmulatedDeviceAsync("simt-sanitize", SimtSanitizeBuildDirectory),
            await DotNetTestsOnEmulatedDeviceAsync(),
            await CommandLineOnEmulatedDeviceAsync(),
        };
        var total = counts.Aggregate(TestCounts.Sum);
        AnsiConsole.WriteLine($"CUDA emulation: {total.Passed} passed, {total.Failed} failed, {total.Skipped} skipped");
        if (total.Failed > 0 || total.Skipped > 0 || total.Passed == 0)
        {
            throw new BuildFailedException($"CUDA emulation: {total.Passed} passed, {total.Failed} failed, {total.Skipped} skipped (nothing may fail or skip).");
        }

        return $"{total.Passed} passed, 0 failed, 0 skipped";
    }

    private async Task<TestCounts> CTestOnEmulatedDeviceAsync(string preset, string directory)
    {
        await Tool.RunAsync("cmake", ["--preset", preset]);
        // The CUDA test program and libcheeger (which the .NET tests and the command line load) only: the CPU tests
        // run in the other presets. The test program links the library's objects, not libcheeger itself.
        await Tool.RunAsync("cmake", ["--build", directory, "--target", LibraryTarget, CudaTestProgram, "-j", Jobs.ToString(CultureInfo.InvariantCulture)]);
        var junit = Path.GetFullPath(Path.Combine(TestResultsDirectory, $"ctest-{preset}.xml"));
        Directory.CreateDirectory(TestResultsDirectory);
        File.Delete(junit);
        // The test preset sets CHEEGER_REQUIRE_CUDA=1 (and the sanitizers' options).
        await Tool.RunUncheckedAsync("ctest", ["--preset", preset, "-R", CudaCTestPattern, "--output-on-failure", "--no-tests=error", "--output-junit", junit]);
        if (!File.Exists(junit))
        {
            throw new BuildFailedException($"ctest --preset {preset} wrote no results ({junit}).");
        }

        var suite = XDocument.Load(junit).Root!;
        int Count(string name) => int.Parse(suite.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
        var counts = new TestCounts(Count("tests") - Count("failures") - Count("skipped"), Count("failures"), Count("skipped"));
        AnsiConsole.MarkupLine($"[bold]GoogleTest CUDA cases ({preset}): {counts}[/]");
        return counts;
    }

    private async Task<TestCounts> DotNetTestsOnEmulatedDeviceAsync()
    {
        var name = "Cheeger.Native.Tests.cuda-emulation";
        var trx = Path.Combine(TestResultsDirectory, name + ".trx");
        File.Delete(trx);
        await Tool.RunUncheckedAsync(
            "dotnet",
            [
                "test", "--project", NativeTestsProject, "-c", Configuration.ToString(), "--no-build",
                "--filter-class", CudaTestClassPattern,
                "--results-directory", TestResultsDirectory, "--report-xunit-trx", "--report-xunit-trx-filename", name + ".trx",
            ],
            environment: EmulatedDeviceEnvironment());
        if (!File.Exists(trx))
        {
            throw new BuildFailedException($"The native-cuda .NET tests wrote no results ({trx}).");
        }

        var summary = TrxSummary.Read(trx);
        AnsiConsole.MarkupLine($"[bold].NET native-cuda tests on the emulated device: {summary}[/]");
        return new TestCounts(summary.Passed, summary.Failed, summary.Skipped);
    }

    /// <summary>
    /// The command line through the emulated library: <c>--backend native-cuda</c> gives native-cpu's labels on a
    /// bundled data set for both methods and names the emulated device; an injected device allocation failure is one
    /// clear line on stderr and a non-zero exit.
    /// </summary>
    private async Task<TestCounts> CommandLineOnEmulatedDeviceAsync()
    {
        var checks = new List<(string Name, Func<Task<string?>> Check)>
        {
            ("cluster --method kmeans --backend native-cuda equals native-cpu", () => SameLabelsAsNativeCpuAsync("kmeans", "data/s1.csv", 15)),
            ("cluster --method iso --backend native-cuda equals native-cpu", () => SameLabelsAsNativeCpuAsync("iso", "data/wine.csv", 3)),
            ("an injected device allocation failure is one clear line and a non-zero exit", InjectedAllocationFailureAsync),
        };
        int passed = 0, failed = 0;
        foreach (var (name, check) in checks)
        {
            var problem = await check();
            AnsiConsole.MarkupLine(problem is null ? $"  [green]passed[/] {Markup.Escape(name)}" : $"  [red]failed[/] {Markup.Escape(name)}: {Markup.Escape(problem)}");
            if (problem is null)
            {
                passed++;
            }
            else
            {
                failed++;
            }
        }

        return new TestCounts(passed, failed, 0);
    }

    private async Task<string?> SameLabelsAsNativeCpuAsync(string method, string dataset, int k)
    {
        var folder = Directory.CreateTempSubdirectory("cheeger-cuda-emulation-");
        try
        {
            var onDevice = Path.Combine(folder.FullName, "native-cuda.csv");
            var onCpu = Path.Combine(folder.FullName, "native-cpu.csv");
            var device = await CliAsync(["cluster", dataset, "--method", method, "--k", $"{k}", "--backend", "native-cuda", "--seed", "1", "--output", onDevice, "--json"]);
            var cpu = await CliAsync(["cluster", dataset, "--method", method, "--k", $"{k}", "--backend", "native-cpu", "--seed", "1", "--output", onCpu]);
            if (device.ExitCode != 0 || cpu.ExitCode != 0)
            {
                return $"exit codes {device.ExitCode} (native-cuda), {cpu.ExitCode} (native-cpu): {device.Output.Trim()} {cpu.Output.Trim()}";
            }

            if (!device.Output.Contains("emulation", StringComparison.Ordinal))
            {
                return "the native-cuda run does not name the emulated device";
            }

            return File.ReadAllText(onDevice) == File.ReadAllText(onCpu) ? null : "the labels differ";
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<string?> InjectedAllocationFailureAsync()
    {
        var run = await CliAsync(["cluster", "data/wine.csv", "--method", "iso", "--k", "3", "--backend", "native-cuda"],
            new Dictionary<string, string?> { ["CHEEGER_SIMT_FAIL_ALLOCATION"] = "1" });
        var errorLines = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (run.ExitCode == 0)
        {
            return "it exited with 0";
        }

        return errorLines.Length == 1 && errorLines[0].Contains("cudaMalloc", StringComparison.Ordinal)
            ? null
            : $"stderr was not one line naming cudaMalloc: {run.Errors.Trim()}";
    }

    private async Task<CapturedOutput> CliAsync(string[] arguments, Dictionary<string, string?>? extra = null)
    {
        var environment = EmulatedDeviceEnvironment();
        foreach (var (key, value) in extra ?? [])
        {
            environment[key] = value;
        }

        return await Tool.CaptureUncheckedAsync("dotnet", ["run", "--project", CliProject, "-c", Configuration.ToString(), "--no-build", "--", .. arguments], environment: environment);
    }

    private static Dictionary<string, string?> EmulatedDeviceEnvironment() => new()
    {
        ["CHEEGER_NATIVE_PATH"] = Path.GetFullPath(EmulatedLibrary),
        [RequireCudaVariable] = "1",
        ["CHEEGER_REQUIRE_NATIVE"] = "1",
    };

    private sealed record TestCounts(int Passed, int Failed, int Skipped)
    {
        public static TestCounts Sum(TestCounts a, TestCounts b) => new(a.Passed + b.Passed, a.Failed + b.Failed, a.Skipped + b.Skipped);

        public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
    }
}
