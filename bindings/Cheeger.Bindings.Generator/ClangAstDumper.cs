using System.Diagnostics;
using System.Text.Json;

namespace Cheeger.Bindings.Generator;

/// <summary>
/// Runs clang's parser over a header and returns its JSON AST:
/// <c>clang -Xclang -ast-dump=json -fsyntax-only -fparse-all-comments -x c header</c>.
/// <c>-fparse-all-comments</c> keeps the header's plain <c>/* */</c> comments, which become the XML docs.
/// </summary>
public static class ClangAstDumper
{
    /// <summary>The executables tried, in order, when no clang is named: the version the project pins, then any.</summary>
    public static readonly IReadOnlyList<string> DefaultCandidates = ["clang-14", "clang"];

    /// <summary>The clang to run: <paramref name="configured"/> when given, else the first default found on PATH.</summary>
    /// <exception cref="BindingsException">No clang was found.</exception>
    public static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        foreach (string candidate in DefaultCandidates)
        {
            string? found = FindOnPath(candidate);
            if (found is not null) return found;
        }
        throw new BindingsException(
            $"No clang found on PATH (tried {string.Join(", ", DefaultCandidates)}). Install clang-14 (apt-get install clang-14) or pass --clang <path>.");
    }

    /// <summary>Parses <paramref name="headerPath"/> with <paramref name="clang"/> and returns the AST document.</summary>
    /// <exception cref="BindingsException">clang could not be started, failed, or printed something that is not JSON.</exception>
    public static JsonDocument Dump(string clang, string headerPath)
    {
        var start = new ProcessStartInfo(clang)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["-Xclang", "-ast-dump=json", "-fsyntax-only", "-fparse-all-comments", "-x", "c", headerPath])
            start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BindingsException($"Could not start '{clang}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BindingsException($"Could not start '{clang}': {e.Message}", e);
        }
        using (process)
        {
            // Read stderr concurrently so neither pipe can fill up and stall clang.
            Task<string> errors = process.StandardError.ReadToEndAsync();
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(process.StandardOutput.BaseStream, new JsonDocumentOptions { MaxDepth = 4096 });
            }
            catch (JsonException e)
            {
                process.StandardOutput.BaseStream.CopyTo(Stream.Null);
                process.WaitForExit();
                throw new BindingsException($"'{clang}' did not print a JSON AST for {headerPath} (exit {process.ExitCode}): {errors.Result.Trim()}", e);
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                document.Dispose();
                throw new BindingsException($"'{clang}' failed on {headerPath} (exit {process.ExitCode}): {errors.Result.Trim()}");
            }
            return document;
        }
    }

    private static string? FindOnPath(string executable)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (path is null) return null;
        string[] names = OperatingSystem.IsWindows() ? [executable + ".exe", executable] : [executable];
        foreach (string folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in names)
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
