using System.Globalization;
using System.Text.RegularExpressions;
using Cheeger.Build.Engine;
using Spectre.Console;

namespace Cheeger.Build;

internal sealed partial class Build
{
    private const string FuzzBuildDirectory = "artifacts/native-fuzz";
    private const string FuzzerExecutable = FuzzBuildDirectory + "/bin/cheeger_fuzz_c_api";
    private const string FuzzSeedCorpus = "native/fuzz/corpus";
    private const string FuzzArtifacts = "artifacts/fuzz";

    // The native test programs valgrind runs: the GoogleTest suite and the C99 smoke test.
    private static readonly string[] ValgrindPrograms = ["cheeger_tests", "cheeger_c_api_smoke"];

    [Parameter("Seconds the Fuzz target runs the libFuzzer target.")]
    private readonly int FuzzDuration = 60;

    private Target Valgrind => _ => _
        .Description("Runs the native test programs under valgrind memcheck (--leak-check=full --error-exitcode=1); not part of Test.")
        .DependsOn(Native)
        .Executes(async () =>
        {
            if (Tool.FindOnPath("valgrind") is null)
            {
                throw new BuildFailedException("valgrind is not installed. Install it with: sudo apt-get install -y valgrind");
            }

            foreach (var program in ValgrindPrograms)
            {
                var path = Path.Combine(NativeBuildDirectory, "bin", program);
                if (!File.Exists(path))
                {
                    throw new BuildFailedException($"{path} was not built (GoogleTest missing, or CHEEGER_BUILD_TESTS=OFF).");
                }

                // Every test runs under memcheck; an invalid access, an uninitialised read or a leak fails the run.
                await Tool.RunAsync("valgrind",
                [
                    "--tool=memcheck", "--error-exitcode=1", "--leak-check=full", "--show-leak-kinds=definite,indirect,possible",
                    "--errors-for-leak-kinds=definite,indirect,possible", "--track-origins=yes", "--quiet", path,
                ]);
            }

            AnsiConsole.MarkupLine($"[green]valgrind memcheck: no errors and no leaks in {string.Join(", ", ValgrindPrograms)}.[/]");
        });

    private Target Fuzz => _ => _
        .Description($"Builds the libFuzzer target of the C API with clang-14 (preset 'fuzz') and runs it for --fuzz-duration seconds from {FuzzSeedCorpus}; findings land in {FuzzArtifacts}. Not part of Test.")
        .DependsOn(Prerequisites)
        .Executes(async () =>
        {
            if (FuzzDuration < 1)
            {
                throw new BuildFailedException($"--fuzz-duration must be at least 1 second (got {FuzzDuration}).");
            }

            await Tool.RunAsync("cmake", ["--preset", "fuzz"]);
            await Tool.RunAsync("cmake", ["--build", "--preset", "fuzz", "-j", Jobs.ToString(CultureInfo.InvariantCulture)]);

            // New inputs go to a working copy, so the committed seed corpus changes only when someone merges them in.
            var workingCorpus = Path.Combine(FuzzArtifacts, "corpus");
            Directory.CreateDirectory(workingCorpus);
            string? stats = null;
            await Tool.RunAsync(
                FuzzerExecutable,
                [
                    $"-max_total_time={FuzzDuration.ToString(CultureInfo.InvariantCulture)}", "-timeout=10", "-rss_limit_mb=2048",
                    "-max_len=4096", "-print_final_stats=1", $"-artifact_prefix={FuzzArtifacts}/", workingCorpus, FuzzSeedCorpus,
                ],
                onOutput: line =>
                {
                    var match = FuzzerDone().Match(line);
                    if (match.Success)
                    {
                        stats = $"{match.Groups["runs"].Value} executions in {match.Groups["seconds"].Value} s";
                    }
                });
            AnsiConsole.MarkupLine($"[green]Fuzzing found nothing: {Markup.Escape(stats ?? "the fuzzer printed no statistics")}.[/]");
        });

    // libFuzzer ends a timed run with: "Done 80731 runs in 91 second(s)"
    [GeneratedRegex(@"Done (?<runs>\d+) runs in (?<seconds>\d+) second")]
    private static partial Regex FuzzerDone();
}
