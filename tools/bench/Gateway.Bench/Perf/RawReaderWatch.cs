using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.SmartCard.PcscLite;

namespace Gateway.Bench.Perf;

/// <summary>
/// The raw part of card timing: a plain SCardGetStatusChange loop on its own PC/SC context in the bench process,
/// recording when pcscd reports a reader's card present or gone. Nothing of the gateway is involved. The perf suite
/// and the Host integration tests' latency figures both use it.
/// </summary>
public sealed class RawReaderWatch : IAsyncDisposable
{
    private readonly PcscContext _context;
    private readonly string _reader;
    private readonly ConcurrentQueue<(long At, bool Present)> _transitions = new();
    private readonly Task _loop;
    private volatile bool _stop;
    private volatile bool _present;

    /// <summary>Initializes a new instance of the <see cref="RawReaderWatch"/> class and starts watching.</summary>
    /// <param name="reader">The PC/SC reader name.</param>
    public RawReaderWatch(string reader)
    {
        _reader = reader;
        _context = PcscContext.Establish();
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Gets a value indicating whether pcscd last reported a card in the reader.</summary>
    public bool Present => _present;

    /// <summary>Waits until pcscd reports the reader empty (a previous card may linger for one poll, about 0.4 s).</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <exception cref="TimeoutException">The reader still holds a card after <paramref name="timeout"/>.</exception>
    public async Task WaitUntilEmptyAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (_present)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"'{_reader}' still holds a card after {timeout.TotalSeconds:F0} s");
            }

            await Task.Delay(10, ct);
        }
    }

    /// <summary>Milliseconds from <paramref name="since"/> (Stopwatch ticks) to the first transition to <paramref name="present"/> after it.</summary>
    /// <param name="since">The start, in <see cref="Stopwatch"/> ticks.</param>
    /// <param name="present">The transition awaited: to present, or to empty.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <returns>The latency in milliseconds.</returns>
    /// <exception cref="TimeoutException">pcscd reported no such transition within <paramref name="timeout"/>.</exception>
    public async Task<double> LatencyAsync(long since, bool present, TimeSpan timeout, CancellationToken ct = default)
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

    /// <inheritdoc/>
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
