using System.Collections.Concurrent;
using System.Globalization;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Benchmarks;

/// <summary>
/// Milliseconds per k-means pass as the backends report them (their <c>assign</c> + <c>update</c> phases: the
/// wall time of the Lloyd loop, without the upload before it and the download after it), recorded per benchmark
/// case for <see cref="PassTimeDiagnoser"/>. With <c>CHEEGER_PASS_TIMES_CSV</c> set, every recorded value is also
/// appended to that file (which also works when BenchmarkDotNet runs the case in a child process).
/// </summary>
public static class PassTimes
{
    /// <summary>The environment variable naming the CSV file that receives every recorded value.</summary>
    public const string CsvVariable = "CHEEGER_PASS_TIMES_CSV";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<double>> Recorded = new();
    private static readonly Lock CsvGate = new();

    /// <summary>The key of a case: backend, n and k.</summary>
    public static string Key(object? backend, object? n, object? k) =>
        string.Create(CultureInfo.InvariantCulture, $"{backend}/{n}/{k}");

    /// <summary>The backend part of a key for suites that also vary the worker count.</summary>
    public static string WithWorkers(object? backend, object? workers) =>
        string.Create(CultureInfo.InvariantCulture, $"{backend}@{workers}");

    /// <summary>Records a k-means run's loop time per pass: its assign + update phases over its passes.</summary>
    public static void Record(string backend, int n, int k, KMeansResult result)
    {
        double loopSeconds = result.Timings["assign"] + result.Timings["update"];
        Record(backend, n, k, result.Iterations, loopSeconds * 1000 / result.Iterations);
    }

    /// <summary>Records one run's milliseconds per pass.</summary>
    public static void Record(string backend, int n, int k, int passes, double millisecondsPerPass)
    {
        Recorded.GetOrAdd(Key(backend, n, k), _ => new ConcurrentQueue<double>()).Enqueue(millisecondsPerPass);
        string? csv = Environment.GetEnvironmentVariable(CsvVariable);
        if (string.IsNullOrEmpty(csv)) return;
        lock (CsvGate)
        {
            bool fresh = !File.Exists(csv);
            using var writer = new StreamWriter(csv, append: true);
            if (fresh) writer.WriteLine("backend,n,k,passes,ms_per_pass");
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{backend},{n},{k},{passes},{millisecondsPerPass:R}"));
        }
    }

    /// <summary>The median of the values recorded for a case, or null when none were.</summary>
    public static double? Median(string key) => Recorded.TryGetValue(key, out var values) ? Benchmarks.Median.Of(values) : null;
}
