using System.Diagnostics;

namespace Cheeger.Clustering;

/// <summary>Seconds spent per named phase (init, assign, update, mst, partition, ...), in the order first recorded.</summary>
public sealed class PhaseTimings
{
    private readonly List<KeyValuePair<string, double>> _phases = [];

    /// <summary>The phases and their seconds.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Phases => _phases;

    /// <summary>Total seconds over all phases.</summary>
    public double TotalSeconds => _phases.Sum(p => p.Value);

    /// <summary>Seconds of one phase (0 when it was not recorded).</summary>
    public double this[string phase] => _phases.FirstOrDefault(p => p.Key == phase).Value;

    /// <summary>Adds <paramref name="seconds"/> to <paramref name="phase"/>.</summary>
    public void Add(string phase, double seconds)
    {
        int i = _phases.FindIndex(p => p.Key == phase);
        if (i < 0) _phases.Add(new(phase, seconds));
        else _phases[i] = new(phase, _phases[i].Value + seconds);
    }

    /// <summary>Adds the time elapsed since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>) to a phase.</summary>
    public void AddSince(string phase, long startTimestamp) => Add(phase, Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
}
