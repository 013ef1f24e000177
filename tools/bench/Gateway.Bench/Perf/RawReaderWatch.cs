using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.SmartCard.PcscLite;

namespace Gateway.Bench.Perf;

/// <summary>
/// The raw part of card timing: a plain SCardGetStatusChange loop on its own PC/SC context in the bench process,
/// recording when pcscd reports a reader's card present or gone. Nothing of the gateway is involved.
/// </summary>
internal sealed class RawReaderWatch : IAsyncDisposable
{
    private readonly PcscContext _context;
    private readonly string _reader;
    private readonly ConcurrentQueue<(long At, bool Present)> _transitions = new();
    private readonly Task _loop;
    private volatile bool _stop;
    private volatile bool _present;

    public RawReaderWatch(string reader)
    {
        _reader = reader;
        _context = PcscContext.Establish();
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public bool Present => _present;

    /// <summary>Milliseconds from <paramref name="since"/> (Stopwatch ticks) to the first transition to <paramref name="present"/> after it.</summary>
    public async Task<double> LatencyAsync(long since, bool present, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            foreach (var (at, p) in _transitions)
            {
                if (at >= since && p == present)
                {
                    return Stopwatch.GetElapsedTime(since, at).TotalMilliseconds;
                }
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"pcscd reported no {(present ? "PRESENT" : "EMPTY")} on '{_reader}' within {timeout.TotalSeconds:F0} s");
            }

            await Task.Delay(5, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop = true;
        _context.Cancel();
        await _loop;
        _context.Dispose();
    }

    private void Run()
    {
        var state = new PcscReaderState(_reader, 0);
        while (!_stop)
        {
            if (_context.GetStatusChange(TimeSpan.FromSeconds(1), [state]) != PcscError.Success)
            {
                continue;
            }

            if (state.CardPresent != _present)
            {
                _present = state.CardPresent;
                _transitions.Enqueue((Stopwatch.GetTimestamp(), _present));
            }

            state.Acknowledge();
        }
    }
}
