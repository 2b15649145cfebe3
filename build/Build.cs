using Cheeger.Build.Engine;

namespace Cheeger.Build;

/// <summary>
/// The Cheeger build: <c>./build.sh [targets] [options]</c> (see <c>--help</c> and docs/build.md). The targets are
/// spread over the partial files Build.*.cs; this one holds the entry point, the parameters and the .NET targets.
/// </summary>
internal sealed partial class Build
{
    private const string Solution = "Interop.sln";
    private const string NativeHeader = "native/include/cheeger.h";
    private const string GeneratorProject = "bindings/Cheeger.Bindings.Generator";
    private const string GeneratedBindings = "bindings/Cheeger.Interop/NativeMethods.generated.cs";
    private const string CliProject = "src/Cheeger.Cli";
    private const string BenchmarksProject = "src/Cheeger.Benchmarks";
    private const string TestsDirectory = "tests";
    private const string BenchmarkArtifacts = "artifacts/benchmarks";

    [Parameter("Configuration of Compile, Test and Demo.")]
    private readonly Configuration Configuration = Configuration.Release;

    [Parameter("Parallel jobs of the native builds (cmake --build -j).")]
    private readonly int Jobs = Environment.ProcessorCount;

    [Parameter("BenchmarkDotNet --filter of Benchmark and GpuBundleCheck.")]
    private readonly string BenchmarkFilter = "*";

    [Parameter("BenchmarkDotNet --job of Benchmark (e.g. short, Dry); empty: the suites' own job.")]
    private readonly string BenchmarkJob = "";

    public static Task<int> Main(string[] args)
    {
        // Every path the targets use is relative to the repository root, wherever the build was started from.
        Directory.SetCurrentDirectory(RepositoryRoot.Find());
        return BuildRunner.ExecuteAsync<Build>(args, build => build.Compile);
    }

    private Target Restore => _ => _
        .Description($"Restores the NuGet packages of {Solution}.")
        .Executes(() => DotNetAsync("restore", Solution));

    private Target Bindings => _ => _
        .Description($"Regenerates {GeneratedBindings} from {NativeHeader} (clang-14 AST).")
        .DependsOn(Prerequisites)
        .Executes(() => DotNetAsync("run", "--project", GeneratorProject, "-c", "Release", "--", "generate", NativeHeader, GeneratedBindings));

    private Target Compile => _ => _
        .Description($"Builds {Solution} (managed code; the native library comes from Native).")
        .DependsOn(Restore, Native)
        .Executes(() => DotNetAsync("build", Solution, "-c", Configuration.ToString(), "--no-restore"));

    private Target Benchmark => _ => _
        .Description($"Runs the BenchmarkDotNet suites (Release, in process) with --benchmark-filter and --benchmark-job; results in {BenchmarkArtifacts}.")
        .DependsOn(Native)
        // In process: the k-means suites' ms/pass metric is recorded in the process that runs the case.
        .Executes(() => DotNetAsync(
        [
            "run", "--project", BenchmarksProject, "-c", "Release", "--",
            "--filter", BenchmarkFilter, "--inProcess", "--artifacts", BenchmarkArtifacts,
            .. BenchmarkJob.Length > 0 ? new[] { "--job", BenchmarkJob } : [],
        ]));

    private Target Demo => _ => _
        .Description("Runs `cheeger compare` (every backend side by side): k-means on data/s1.csv (k = 15) and data/wine.csv (k = 3), iso on data/wine.csv (k = 3) and data/winequality_white.csv (k = 10).")
        .DependsOn(Compile)
        .Executes(async () =>
        {
            var runs = new[] { ("data/s1.csv", "kmeans", 15), ("data/wine.csv", "kmeans", 3), ("data/wine.csv", "iso", 3), ("data/winequality_white.csv", "iso", 10) };
            foreach (var (dataset, method, k) in runs)
            {
                await DotNetAsync(
                    "run", "--project", CliProject, "-c", Configuration.ToString(), "--no-build", "--",
                    "compare", dataset, "--method", method, "--k", k.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });

    private static Task DotNetAsync(params string[] arguments) => Tool.RunAsync("dotnet", arguments);
}
