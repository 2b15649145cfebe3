namespace Cheeger.Clustering.Threading;

/// <summary>
/// A phase barrier for a fixed set of threads that spins (and yields) instead of blocking. Prim's n − 1
/// steps each end in one barrier; a blocking barrier would cost a wake-up per step, which for n ≈ 5000 is
/// more than the step's work. Never sleeps for a whole time slice, so it stays usable on a busy machine.
/// </summary>
internal sealed class SpinBarrier(int participants)
{
    private readonly int _participants = participants;
    private int _remaining = participants;
    private volatile int _phase;
    private volatile bool _aborted;

    /// <summary>Number of threads that must arrive before any may leave.</summary>
    public int Participants => _participants;

    /// <summary>Arrives and waits until all participants have arrived.</summary>
    /// <exception cref="OperationCanceledException">another participant failed and aborted the barrier.</exception>
    public void SignalAndWait()
    {
        if (_participants == 1) return;
        // Read the phase before arriving: it cannot advance until this thread has arrived.
        int phase = _phase;
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _remaining = _participants;
            _phase = phase + 1;     // volatile write publishes the reset count and every write before it
            return;
        }
        var spinner = default(SpinWait);
        while (_phase == phase)
        {
            if (_aborted) throw new OperationCanceledException("Another worker failed; the barrier was aborted.");
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Releases every waiting participant with an exception; the barrier is unusable afterwards.</summary>
    public void Abort() => _aborted = true;
}
