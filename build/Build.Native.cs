using System.Globalization;
using Cheeger.Build.Engine;
using Spectre.Console;

namespace Cheeger.Build;

internal sealed partial class Build
{
    private const string NativeBuildDirectory = "artifacts/native";
    private const string NativeLibraryDirectory = NativeBuildDirectory + "/lib";
    private const string NativeSources = "native/src";
    private const string CudaDeclarationsHeader = "native/src/cuda/cuda_declarations_for_check.h";
    private const string PtxDirectory = "artifacts/ptx";
    private const string CudaCheckArchitecture = "sm_70";

    private Target Native => _ => _
        .Description($"Configures and builds the native core with CMake (Release) into {NativeBuildDirectory}.")
        .DependsOn(Prerequisites)
        .Executes(async () =>
        {
            if (!File.Exists("CMakeLists.txt"))
            {
                throw new BuildFailedException("There is no CMakeLists.txt at the repository root, so the native core cannot be configured.");
            }

            // With the CUDA toolkit present, nvcc builds the CUDA backend (with a host compiler it accepts).
            var environment = CudaToolkit.ConfigureEnvironment();
            if (await CMakePresets.HasConfigurePresetAsync("release"))
            {
                await Tool.RunAsync("cmake", ["--preset", "release"], environment: environment);
            }
            else
            {
                AnsiConsole.MarkupLine("[grey]No 'release' configure preset; configuring directly.[/]");
                await Tool.RunAsync("cmake", ["-S", ".", "-B", NativeBuildDirectory, "-DCMAKE_BUILD_TYPE=Release"], environment: environment);
            }

            await Tool.RunAsync("cmake", ["--build", NativeBuildDirectory, "-j", Jobs.ToString(CultureInfo.InvariantCulture)]);
        });

    private Target CudaCheck => _ => _
        .Description($"Where there is no CUDA toolkit: compiles every {NativeSources}/**/*.cu to PTX ({CudaCheckArchitecture}) with clang++-14.")
        .DependsOn(Prerequisites)
        .Executes(async () =>
        {
            if (Tool.FindOnPath("nvcc") is { } nvcc)
            {
                AnsiConsole.MarkupLine($"[grey]The CUDA toolkit is here ({Markup.Escape(nvcc)}): nvcc compiles the CUDA sources in Native; no PTX check needed.[/]");
                return;
            }

            var sources = Directory.Exists(NativeSources)
                ? Directory.EnumerateFiles(NativeSources, "*.cu", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
                : [];
            if (sources.Count == 0)
            {
                AnsiConsole.MarkupLine($"[yellow]No CUDA sources (*.cu) under {NativeSources}: nothing was checked.[/]");
                return;
            }

            if (!File.Exists(CudaDeclarationsHeader))
            {
                throw new BuildFailedException($"{sources.Count} CUDA source(s) to check, but {CudaDeclarationsHeader} (the CUDA declarations that stand in for the toolkit's headers) is missing.");
            }

            foreach (var source in sources)
            {
                var relative = Path.GetRelativePath(NativeSources, source);
                var ptx = Path.Combine(PtxDirectory, Path.ChangeExtension(relative, ".ptx"));
                Directory.CreateDirectory(Path.GetDirectoryName(ptx)!);
                File.Delete(ptx);
                await Tool.RunAsync("clang++-14",
                [
                    "-x", "cuda", "--cuda-device-only", $"--cuda-gpu-arch={CudaCheckArchitecture}", "-nocudainc", "-nocudalib",
                    "-S", "-std=c++17", "-include", CudaDeclarationsHeader, "-I", "native/include", "-I", NativeSources,
                    "-o", ptx, source,
                ]);
                if (!File.Exists(ptx) || new FileInfo(ptx).Length == 0)
                {
                    throw new BuildFailedException($"clang++-14 succeeded on {source} but wrote no PTX to {ptx}.");
                }
            }

            AnsiConsole.MarkupLine($"[green]Compiled {sources.Count} CUDA source(s) to PTX for {CudaCheckArchitecture} in {PtxDirectory}.[/]");
        });
}
