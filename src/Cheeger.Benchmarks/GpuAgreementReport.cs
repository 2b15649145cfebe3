using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cheeger.Clustering.Backends;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Benchmarks;

/// <summary>
/// <c>Cheeger.Benchmarks gpu-agreement</c>: runs the GPU backends and the managed parallel CPU backend on the GPU
/// suite's data (uniform 2-D, fixed seed; N ∈ {1e6, 1e7, 1e8}, k ∈ {10, 40}) from the same initial centroids and
/// writes a markdown table of how far they agree: labels, passes, change counts, centroids (bit for bit: all three
/// follow the 4096-row chunk rule) and inertia.
/// </summary>
public static class GpuAgreementReport
{
    private const string Usage =
        "usage: Cheeger.Benchmarks gpu-agreement --output FILE [--sizes N,N,...] [--ks K,K,...] [--passes P] [--require-gpu]";

    /// <summary>Runs the command; returns the process exit code (1 when a run disagrees, or with --require-gpu no GPU backend is present).</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        string? output = null;
        int[] sizes = [1_000_000, 10_000_000, 100_000_000];
        int[] ks = [10, 40];
        int passes = 20;
        bool requireGpu = false;
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            switch (args[i])
            {
                case "--output": output = Value(); break;
                case "--sizes": sizes = ParseList(Value()); break;
                case "--ks": ks = ParseList(Value()); break;
                case "--passes": passes = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--require-gpu": requireGpu = true; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }
        if (output is null) throw new ArgumentException($"--output is required. {Usage}");

        var report = new StringBuilder();
        report.AppendLine("# GPU k-means agreement with the CPU (managed parallel)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.MachineName}, {Environment.ProcessorCount} logical CPUs. " +
            $"Uniform 2-D points (SyntheticData.Uniform, fixed seed), initial centroids KMeansInitializer with seed 1, at most {passes} passes.");
        report.AppendLine();

        string[] gpuBackends = [.. BenchmarkBackends.AvailableGpu];
        foreach ((string name, var availability) in BenchmarkBackends.Gpu.Where(g => !g.Availability.IsAvailable))
            report.AppendLine(CultureInfo.InvariantCulture, $"- {name}: not available here ({availability.Reason})");
        if (gpuBackends.Length == 0)
        {
            report.AppendLine();
            report.AppendLine("No GPU backend is available: nothing was compared.");
            Write(output, report);
            return requireGpu ? 1 : 0;
        }

        report.AppendLine();
        report.AppendLine("| N | k | backend | passes (GPU / CPU) | change counts equal | labels differing | centroids bit-identical | largest centroid difference | inertia relative difference | GPU run s | CPU run s |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        bool allAgree = true;
        foreach (int n in sizes)
        {
            Dataset data = SyntheticData.Uniform(n, 2);
            foreach (int k in ks)
            {
                var options = new KMeansOptions { K = k, Seed = 1, MaxIterations = passes };
                double[] initial = KMeansInitializer.InitialCentroids(data, options);
                (KMeansResult cpu, double cpuSeconds) = Timed(new ParallelKMeans(), data, options, initial);
                foreach (string name in gpuBackends)
                {
                    IKMeansBackend backend = BenchmarkBackends.KMeans(name);
                    try
                    {
                        (KMeansResult gpu, double gpuSeconds) = Timed(backend, data, options, initial);
                        var row = Compare(cpu, gpu);
                        allAgree &= row.Agrees;
                        report.AppendLine(CultureInfo.InvariantCulture,
                            $"| {n:N0} | {k} | {name} | {gpu.Iterations} / {cpu.Iterations} | {(row.SameChanges ? "yes" : "no")} | {row.DifferingLabels:N0} | " +
                            $"{row.IdenticalCentroids} of {cpu.Centroids.Length} | {row.LargestCentroidDifference:G3} | {row.InertiaRelativeDifference:G3} | {gpuSeconds:F3} | {cpuSeconds:F3} |");
                        Console.WriteLine($"N={n} k={k} {name}: {row.DifferingLabels} labels differ, {row.IdenticalCentroids}/{cpu.Centroids.Length} centroid values identical");
                    }
                    finally
                    {
                        (backend as IDisposable)?.Dispose();
                    }
                }
            }
        }
        report.AppendLine();
        report.AppendLine(allAgree
            ? "Every GPU run gave the CPU's labels, passes, change counts and centroids (bit for bit)."
            : "Some GPU runs did NOT agree with the CPU (see the table).");
        Write(output, report);
        return allAgree ? 0 : 1;
    }

    private readonly record struct Agreement(bool SameChanges, long DifferingLabels, int IdenticalCentroids,
        double LargestCentroidDifference, double InertiaRelativeDifference, bool Agrees);

    private static Agreement Compare(KMeansResult cpu, KMeansResult gpu)
    {
        long differing = 0;
        for (int i = 0; i < cpu.Labels.Length; i++) differing += cpu.Labels[i] != gpu.Labels[i] ? 1 : 0;
        int identical = 0;
        double largest = 0;
        for (int e = 0; e < cpu.Centroids.Length; e++)
        {
            if (BitConverter.DoubleToInt64Bits(cpu.Centroids[e]) == BitConverter.DoubleToInt64Bits(gpu.Centroids[e])) identical++;
            largest = Math.Max(largest, Math.Abs(cpu.Centroids[e] - gpu.Centroids[e]));
        }
        bool sameChanges = cpu.ChangesPerIteration.AsSpan().SequenceEqual(gpu.ChangesPerIteration);
        double inertia = Math.Abs(cpu.Inertia - gpu.Inertia) / Math.Max(Math.Abs(cpu.Inertia), double.Epsilon);
        bool agrees = differing == 0 && sameChanges && identical == cpu.Centroids.Length && cpu.Iterations == gpu.Iterations;
        return new Agreement(sameChanges, differing, identical, largest, inertia, agrees);
    }

    private static (KMeansResult Result, double Seconds) Timed(IKMeansBackend backend, Dataset data, KMeansOptions options, double[] initial)
    {
        long started = Stopwatch.GetTimestamp();
        KMeansResult result = backend.Run(data, options, initial);
        return (result, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static int[] ParseList(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture))];

    private static void Write(string output, StringBuilder report)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllText(output, report.ToString());
        Console.Write(report.ToString());
    }
}
