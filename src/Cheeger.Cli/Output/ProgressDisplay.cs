using Cheeger.Clustering.Isoperimetric;
using Spectre.Console;

namespace Cheeger.Cli.Output;

/// <summary>
/// A spinner on stderr, so stdout (the summary or the JSON) stays clean, that appears only once a run has lasted
/// <c>delay</c> (short runs print nothing) and then shows the stage and the part of it done as the run reports them
/// (<see cref="Sink"/>). Off when stderr is not a terminal and with <c>--json</c>: no console, no sink.
/// </summary>
internal sealed class ProgressDisplay
{
    /// <summary>How often the shown text follows the run's reports.</summary>
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(100);

    private readonly IAnsiConsole? _console;
    private readonly TimeSpan _delay;
    private readonly LatestProgress? _latest;

    /// <param name="stderrConsole">The console on stderr, or null for no display.</param>
    /// <param name="delay">How long a run goes before the display appears.</param>
    public ProgressDisplay(IAnsiConsole? stderrConsole, TimeSpan delay)
    {
        _console = stderrConsole;
        _delay = delay;
        _latest = stderrConsole is null ? null : new LatestProgress();
    }

    /// <summary>Where a run reports its progress; null when the display is off, so that the run reports nothing.</summary>
    public IProgress<IsoperimetricProgress>? Sink => _latest;

    /// <summary>Runs <paramref name="work"/> on this thread, showing <paramref name="title"/> and the latest report once it has run <c>delay</c>.</summary>
    public T Run<T>(string title, Func<T> work)
    {
        if (_console is null || _latest is null) return work();
        _latest.Clear();
        using var done = new ManualResetEventSlim();
        // The work keeps this thread (the backends report on it); the display lives on its own.
        var shown = Task.Factory.StartNew(() => Show(_console, _latest, title, done), TaskCreationOptions.LongRunning);
        try
        {
            return work();
        }
        finally
        {
            done.Set();
            shown.GetAwaiter().GetResult();     // the status line is gone before anything else is written
        }
    }

    private void Show(IAnsiConsole console, LatestProgress latest, string title, ManualResetEventSlim done)
    {
        if (done.Wait(_delay)) return;
        console.Status().Spinner(Spinner.Known.Dots).Start(Text(title, latest.Current), status =>
        {
            while (!done.Wait(Refresh)) status.Status(Text(title, latest.Current));
        });
    }

    // The stage first: a live display crops what goes past the terminal's width, and titles can be long.
    private static string Text(string title, IsoperimetricProgress? progress) => Markup.Escape(progress is { } p
        ? $"{p.Stage.Title()} {p.Fraction:P0} · {title}"
        : title);

    /// <summary>The last report of a run, kept for the display thread.</summary>
    private sealed class LatestProgress : IProgress<IsoperimetricProgress>
    {
        private readonly Lock _gate = new();
        private IsoperimetricProgress? _current;

        public IsoperimetricProgress? Current
        {
            get { lock (_gate) return _current; }
        }

        public void Report(IsoperimetricProgress value)
        {
            lock (_gate) _current = value;
        }

        public void Clear()
        {
            lock (_gate) _current = null;
        }
    }
}
