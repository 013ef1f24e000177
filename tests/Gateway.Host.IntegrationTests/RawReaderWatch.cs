using System.Collections.Concurrent;
using Gateway.SmartCard.PcscLite;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// The baseline: a plain SCardGetStatusChange loop on its own PC/SC context in the test process, recording when
/// pcscd reports the reader's card present or gone. Nothing of the gateway is involved.
/// </summary>
internal sealed class RawReaderWatch : IAsyncDisposable
{
    private readonly PcscContext _context;
    private readonly string _reader;
    private readonly ConcurrentQueue<(long At, bool Present)> _transitions = new();
    private readonly Task _loop;
    private volatile bool _stop;
    private volatile bool _present;

    private RawReaderWatch(string reader)
    {
        _reader = reader;
        _context = PcscContext.Establish();
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public static RawReaderWatch Start(string reader) => new(reader);

    /// <summary>Waits until pcscd reports the reader empty (a previous card may linger for one poll, about 0.4 s).</summary>
    public async Task WaitUntilEmptyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_present)
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{_reader}' still holds a card");
            await Task.Delay(10);
        }
    }

    /// <summary>Milliseconds from <paramref name="since"/> to the first transition to <paramref name="present"/> at or after it.</summary>
    public async Task<double> LatencyAsync(long since, bool present, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var (at, p) in _transitions)
            {
                if (at >= since && p == present)
                {
                    return TimeProvider.System.GetElapsedTime(since, at).TotalMilliseconds;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"the raw loop saw no {(present ? "PRESENT" : "EMPTY")} on '{_reader}'");
            await Task.Delay(10);
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
            var rv = _context.GetStatusChange(TimeSpan.FromSeconds(1), [state]);
            if (rv != PcscError.Success)
            {
                continue;
            }

            if (state.CardPresent != _present)
            {
                _present = state.CardPresent;
                _transitions.Enqueue((TimeProvider.System.GetTimestamp(), _present));
            }

            state.Acknowledge();
        }
    }
}
