using System.Diagnostics;

namespace Cheeger.Native.Tests.Support;

/// <summary>Builds a small shared library from C source, to plant where the loader looks (a wrong version, missing exports).</summary>
internal static class StandInLibrary
{
    /// <summary>Compiles <paramref name="source"/> into <paramref name="folder"/>/<paramref name="fileName"/> and returns its path.</summary>
    public static string Build(string folder, string fileName, string source)
    {
        string compiler = Requirements.CCompiler();
        Directory.CreateDirectory(folder);
        string sourcePath = Path.Combine(folder, Path.GetFileNameWithoutExtension(fileName) + ".c");
        string libraryPath = Path.Combine(folder, fileName);
        File.WriteAllText(sourcePath, source);
        var start = new ProcessStartInfo(compiler) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in (string[])["-shared", "-fPIC", "-o", libraryPath, sourcePath]) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{compiler} failed: {errors}");
        return libraryPath;
    }

    /// <summary>C source of a library whose <c>cheeger_version_get</c> reports the given version, and nothing else.</summary>
    public static string VersionOnly(int major, int minor, int patch) => $$"""
        #include <stdint.h>
        int cheeger_version_get(int32_t* major, int32_t* minor, int32_t* patch)
        {
            *major = {{major}}; *minor = {{minor}}; *patch = {{patch}};
            return 0;
        }
        """;

    /// <summary>A fresh empty folder under the temp folder, removed by the caller.</summary>
    public static string TempFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "cheeger-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
