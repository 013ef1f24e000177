using Gateway.SmartCard.PcscLite;

namespace Gateway.SmartCard.Tests;

/// <summary>
/// An in-memory stand-in for pcscd at the <see cref="IPcscApi"/> seam: readers, cards with pcsc-lite's event
/// counter, the PnP pseudo-reader, SCardCancel, and the daemon going away.
/// </summary>
internal sealed class FakePcscDaemon : IPcscApi, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly Dictionary<string, (bool Present, uint Counter, byte[] Atr)> _readers = [];
    private bool _up = true;
    private bool _cancelled;
    private int _establishAttempts;

    public int EstablishAttempts => Volatile.Read(ref _establishAttempts);

    /// <summary>What SCardTransmit returns for every command (with <see cref="TransmitResponse"/> as its bytes).</summary>
    public uint TransmitResult { get; set; } = PcscError.Success;

    public byte[] TransmitResponse { get; set; } = [0x90, 0x00];

    /// <summary>Results returned by the next SCardTransmit calls, one each, before <see cref="TransmitResult"/> applies.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<uint> TransmitFailures { get; } = new();

    public int Connects { get; private set; }

    /// <summary>The dispositions SCardDisconnect was called with, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<uint> Dispositions { get; } = new();

    /// <summary>What SCardStatus on a card handle returns.</summary>
    public uint StatusResult { get; set; } = PcscError.Success;

    /// <summary>Unplugs a reader (with or without its card).</summary>
    public void RemoveReader(string name) => Mutate(() => _readers.Remove(name));

    public void AddReader(string name) => Mutate(() => _readers[name] = (false, 0, []));

    public void Insert(string reader, byte[] atr) => Mutate(() => _readers[reader] = (true, _readers[reader].Counter + 1, atr));

    public void Remove(string reader) => Mutate(() => _readers[reader] = (false, _readers[reader].Counter + 1, []));

    public void SetServiceUp(bool up) => Mutate(() => _up = up);

    public void Dispose() => _changed.Dispose();

    public uint EstablishContext(out nint context)
    {
        Interlocked.Increment(ref _establishAttempts);
        lock (_gate)
        {
            context = 42;
            return _up ? PcscError.Success : PcscError.NoService;
        }
    }

    public uint ReleaseContext(nint context) => PcscError.Success;

    public uint Cancel(nint context)
    {
        Mutate(() => _cancelled = true);
        return PcscError.Success;
    }

    public uint ListReaders(nint context, out List<string> readers)
    {
        lock (_gate)
        {
            readers = [.. _readers.Keys];
            return !_up ? PcscError.NoService : readers.Count == 0 ? PcscError.NoReadersAvailable : PcscError.Success;
        }
    }

    public uint GetStatusChange(nint context, uint timeoutMs, PcscReaderState[] states)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Math.Min(timeoutMs, 5000));
        while (true)
        {
            lock (_gate)
            {
                if (_cancelled)
                {
                    _cancelled = false;
                    return PcscError.Cancelled;
                }

                if (!_up)
                {
                    return PcscError.NoService;
                }

                var any = false;
                foreach (var state in states)
                {
                    var actual = Actual(state.ReaderName, out var atr);
                    var differs = actual != (state.CurrentState & ~PcscReaderState.StateChanged);
                    state.EventState = actual | (differs ? PcscReaderState.StateChanged : 0);
                    state.Atr = atr;
                    any |= differs;
                }

                if (any)
                {
                    return PcscError.Success;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_changed.Wait(left))
            {
                return PcscError.Timeout;
            }
        }
    }

    public uint Connect(nint context, string reader, uint protocols, out nint card, out uint activeProtocol)
    {
        lock (_gate)
        {
            card = 7;
            activeProtocol = 2;
            Connects++;
            return !_up ? PcscError.NoService
                : !_readers.TryGetValue(reader, out var r) ? PcscError.UnknownReader
                : r.Present ? PcscError.Success : PcscError.NoSmartcard;
        }
    }

    public uint Disconnect(nint card, uint disposition)
    {
        Dispositions.Enqueue(disposition);
        return PcscError.Success;
    }

    public uint Transmit(nint card, uint protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        lock (_gate)
        {
            TransmitResponse.CopyTo(response);
            received = TransmitResponse.Length;
            return TransmitFailures.TryDequeue(out var failure) ? failure : TransmitResult;
        }
    }

    public uint Status(nint card, out uint state, out uint protocol, out byte[] atr)
    {
        state = 0;
        protocol = 2;
        atr = [];
        return StatusResult;
    }

    private uint Actual(string reader, out byte[] atr)
    {
        atr = [];
        if (reader == PcscReaderState.PnpNotification)
        {
            return (uint)_readers.Count << 16;
        }

        if (!_readers.TryGetValue(reader, out var r))
        {
            return PcscReaderState.StateUnknown;
        }

        atr = r.Atr;
        return (r.Counter << 16) | (r.Present ? PcscReaderState.StatePresent : PcscReaderState.StateEmpty);
    }

    private void Mutate(Action change)
    {
        lock (_gate)
        {
            change();
        }

        _changed.Release();
    }
}
