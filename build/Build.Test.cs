using System.Globalization;
using System.Text.RegularExpressions;
using Cheeger.Build.Engine;

namespace Cheeger.Build;

internal sealed partial class Build
{
    private const string SanitizeBuildDirectory = "artifacts/native-sanitize";
    private const string TestResultsDirectory = "artifacts/test-results";
    private const string BuildTestsProject = "build/Tests/_build.Tests.csproj";
    private const string RequireNativeVariable = "CHEEGER_REQUIRE_NATIVE";

    private Target Test => _ => _
        .Description("Verifies the generated bindings, runs the native tests (plain and sanitized), the .NET test projects, the packages (runtime library, sample, tool) and the build's own tests.")
        .DependsOn(Compile, CudaCheck, Pack)
        .Executes(async () =>
        {
            var suites = new TestSuites();
            await suites.RunAsync("bindings verify", VerifyBindingsAsync);
            await suites.RunAsync("native (ctest)", () => CTestAsync(["--test-dir", NativeBuildDirectory]));
            if (await CMakePresets.HasConfigurePresetAsync("sanitize"))
            {
                await suites.RunAsync("native sanitized (ctest)", async () =>
                {
                    await Tool.RunAsync("cmake", ["--preset", "sanitize"]);
                    await Tool.RunAsync("cmake", ["--build", SanitizeBuildDirectory, "-j", Jobs.ToString(CultureInfo.InvariantCulture)]);
                    // The test preset carries the sanitizers' runtime options (ASAN_OPTIONS, UBSAN_OPTIONS).
                    return await CMakePresets.HasTestPresetAsync("sanitize")
                        ? await CTestAsync(["--preset", "sanitize"])
                        : await CTestAsync(["--test-dir", SanitizeBuildDirectory]);
                });
            }
            else
            {
                suites.Skip("native sanitized (ctest)", "CMakePresets.json has no 'sanitize' configure preset");
            }

            // The native library was built above: its absence must fail the tests that need it, not skip them.
            if (NativeLibraryPath() is not null) Environment.SetEnvironmentVariable(RequireNativeVariable, "1");

            await suites.RunAsync("CUDA emulation", RunCudaEmulationAsync);

            var testProjects = Directory.EnumerateFiles(TestsDirectory, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            foreach (var project in testProjects)
            {
                await suites.RunAsync(Path.GetFileNameWithoutExtension(project), () => DotNetTestAsync(project, build: false));
            }

            await RunPackageSuitesAsync(suites);

            await suites.RunAsync("workflows (actionlint)", LintWorkflowsAsync);

            await suites.RunAsync("build program (build/Tests)", () => DotNetTestAsync(BuildTestsProject, build: true));

            suites.PrintSummary();
            var failed = suites.Failed.ToList();
            if (failed.Count > 0)
            {
                throw new BuildFailedException($"Test suites failed: {string.Join(", ", failed)}.");
            }
        });

    private async Task<string> VerifyBindingsAsync()
    {
        string[] arguments = ["run", "--project", GeneratorProject, "-c", Configuration.ToString(), "--no-build", "--", "verify", NativeHeader, GeneratedBindings];
        var library = NativeLibraryPath();
        await DotNetAsync(library is null ? arguments : [.. arguments, "--library", library]);
        return library is null ? "header vs generated file" : "header vs generated file vs library exports";
    }

    private static string? NativeLibraryPath() =>
        new[] { "libcheeger.so", "libcheeger.dylib", "cheeger.dll" }
            .Select(name => Path.Combine(NativeLibraryDirectory, name))
            .FirstOrDefault(File.Exists);

    private static async Task<string> CTestAsync(string[] selection)
    {
        string? summary = null;
        await Tool.RunAsync(
            "ctest",
            [.. selection, "--output-on-failure", "--no-tests=error"],
            onOutput: line =>
            {
                var match = CTestSummary().Match(line);
                if (match.Success)
                {
                    summary = $"{match.Groups["total"].Value} tests, {match.Groups["failed"].Value} failed";
                }
            });
        return summary ?? "ctest printed no summary";
    }

    private async Task<string> DotNetTestAsync(string project, bool build)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        var trx = Path.Combine(TestResultsDirectory, name + ".trx");
        Directory.CreateDirectory(TestResultsDirectory);
        File.Delete(trx);
        // Microsoft.Testing.Platform mode (global.json "test.runner"): xunit v3 writes the .trx itself.
        string[] arguments =
        [
            "test", "--project", project, "-c", Configuration.ToString(),
            "--results-directory", TestResultsDirectory, "--report-xunit-trx", "--report-xunit-trx-filename", name + ".trx",
        ];
        try
        {
            await DotNetAsync(build ? arguments : [.. arguments, "--no-build"]);
        }
        catch (ToolFailedException e) when (File.Exists(trx))
        {
            throw new BuildFailedException($"{TrxSummary.Read(trx)} (exit code {e.ExitCode})");
        }

        return File.Exists(trx) ? TrxSummary.Read(trx).ToString() : "no results file";
    }

    // ctest ends with: "100% tests passed, 0 tests failed out of 12"
    [GeneratedRegex(@"tests passed, (?<failed>\d+) tests? failed out of (?<total>\d+)")]
    private static partial Regex CTestSummary();
}
