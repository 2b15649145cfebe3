using System.Diagnostics;
using Cheeger.Cli.Commands;
using Cheeger.Clustering.Data;
using Microsoft.Extensions.Logging;

namespace Cheeger.Cli.Running;

/// <summary>Reads the input CSV of a command (the options are checked by the backend that runs them, once).</summary>
internal static class InputLoader
{
    /// <summary>The data set of <paramref name="settings"/>; <paramref name="seconds"/> is the time spent reading.</summary>
    public static Dataset Load(RunSettings settings, ILogger logger, out double seconds)
    {
        long start = Stopwatch.GetTimestamp();
        var data = CsvDatasetReader.Load(settings.InputPath);
        if (settings.SampleRows is int rows) data = data.Sample(rows, settings.SampleSeed);
        seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        logger.LogDebug("Read {Path}: n = {N}, d = {D}, {Classes} in {Seconds:0.000} s", settings.InputPath, data.Count, data.Dimension,
            data.HasClasses ? $"{data.ClassNames.Count} classes" : "no label column", seconds);
        return data;
    }
}
