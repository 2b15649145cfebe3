using System.Globalization;

namespace Cheeger.Build;

/// <summary>
/// What the consumer sample (samples/Cheeger.Sample) must print when it runs on its packages: libcheeger from the
/// runtime package's <c>runtimes/&lt;rid&gt;/native</c> folder, native-cpu available for both methods, native-cuda
/// compiled in (available only with a CUDA device), automatic selection on the best of them, and one label per row.
/// </summary>
internal static class SampleOutput
{
    private static readonly string[] Methods = ["k-means", "isoperimetric"];

    /// <summary>Every way <paramref name="lines"/> falls short; empty when the output is as it must be.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<string> lines, int rows, bool cudaDevice)
    {
        var problems = new List<string>();
        if (!lines.Any(l => l.StartsWith("libcheeger ", StringComparison.Ordinal) && l.EndsWith("(runtimes/<rid>/native)", StringComparison.Ordinal)))
        {
            problems.Add("libcheeger was not loaded from the runtime package's runtimes/<rid>/native folder");
        }

        const string NoDevice = "CUDA compiled in, no CUDA device";
        string cudaState = cudaDevice ? "available" : NoDevice;
        Func<string, bool> cudaStateMatches = cudaDevice
            ? state => state == "available"
            : state => state.StartsWith("unavailable:", StringComparison.Ordinal) && state.Contains(NoDevice, StringComparison.Ordinal);
        string best = cudaDevice ? "native-cuda" : "native-cpu";
        foreach (string method in Methods)
        {
            if (!HasSurveyLine(lines, "native-cpu", method, state => state == "available")) problems.Add($"native-cpu {method} is not listed as available");
            if (!HasSurveyLine(lines, "native-cuda", method, cudaStateMatches)) problems.Add($"native-cuda {method} is not listed as '{cudaState}'");
            if (!lines.Any(l => l.StartsWith($"{method} on {best} ", StringComparison.Ordinal))) problems.Add($"{method} did not run on {best}");
        }

        var labelLines = lines.Where(l => l.TrimStart().StartsWith("labels:", StringComparison.Ordinal)).ToList();
        if (labelLines.Count != Methods.Length) problems.Add($"{labelLines.Count} label lines, expected {Methods.Length}");
        foreach (string line in labelLines)
        {
            var labels = line.Trim()["labels:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (labels.Length != rows || !labels.All(l => int.TryParse(l, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int label) && label >= -1))
            {
                problems.Add($"a label line with {labels.Length} entries, expected {rows} labels of -1 (outlier) or more");
            }
        }
        return problems;
    }

    // "  native-cpu   k-means        available": the columns are padded, so compare the words.
    private static bool HasSurveyLine(IReadOnlyList<string> lines, string backend, string method, Func<string, bool> state) =>
        lines.Any(l =>
        {
            var words = l.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return words.Length == 3 && words[0] == backend && words[1] == method && state(words[2]);
        });
}
