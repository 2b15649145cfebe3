// A C# application that uses Cheeger through its NuGet packages only (docs/build.md, "The consumer sample"):
// it loads a CSV, lists the backends with their availability, and clusters the data with k-means and the
// isoperimetric method on the best backend available here.
using System.Diagnostics;
using System.Globalization;
using Cheeger.Backends;
using Cheeger.Clustering;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;
using Cheeger.Interop;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: Cheeger.Sample <data.csv> [k]");
    return 2;
}

try
{
    Dataset data = CsvDatasetReader.Load(args[0]);
    int k = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
    Console.WriteLine($"data: {data.Name}, {data.Count} points, {data.Dimension} features");

    // Where the native core came from: the runtime package puts it under runtimes/<rid>/native.
    try
    {
        LoadedNativeLibrary native = NativeLibraryLoader.Load();
        Console.WriteLine($"libcheeger {native.Version}: {native.Path} ({native.Source})");
    }
    catch (NativeLibraryNotFoundException e)
    {
        Console.WriteLine($"libcheeger: not loaded ({BackendSet.Brief(e.Message)})");
    }

    Console.WriteLine("backends:");
    foreach (BackendStatus status in BackendRegistry.Survey())
    {
        string availability = status.Availability.IsAvailable ? "available" : "unavailable: " + BackendSet.Brief(status.Availability.Reason);
        Console.WriteLine($"  {status.Registration.Name,-12} {status.Method.Title(),-14} {availability}");
    }

    using var backends = new BackendSet();
    Cluster(backends, KMeansRequest.WithSharedStart(data, new KMeansOptions { K = k, Seed = 1 }));
    Cluster(backends, new IsoperimetricRequest(data, new IsoperimetricOptions { K = k }));
    return 0;
}
catch (ClusteringInputException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

static void Cluster(BackendSet backends, ClusteringRequest request)
{
    PreparedRun run = request.Prepare(backends, BackendSet.Auto);
    long start = Stopwatch.GetTimestamp();
    ClusteringResult result = run.Run(CancellationToken.None);
    TimeSpan elapsed = Stopwatch.GetElapsedTime(start);

    string phases = string.Join(", ", result.Timings.Phases.Select(p => $"{p.Key} {p.Value * 1e3:0.00} ms"));
    // Each skipped entry is "name: reason"; the survey above already gave the reasons.
    string skipped = string.Join(", ", (backends.LastAutoChoice?.Skipped ?? []).Select(s => s.Split(':')[0]));
    Console.WriteLine($"{request.Method.Title()} on {result.Backend} (auto passed over: {skipped}): {elapsed.TotalMilliseconds:0.00} ms ({phases})");
    Console.WriteLine($"  labels: {string.Join(' ', result.Labels)}");
}
