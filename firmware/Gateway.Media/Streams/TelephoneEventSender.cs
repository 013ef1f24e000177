using System.Collections.Concurrent;
using Gateway.Rtp;

namespace Gateway.Media.Streams;

/// <summary>
/// Sends queued DTMF digits as RFC 4733 telephone-events, one packet per frame period while a digit lasts (same
/// timestamp, growing duration, marker on the first), then the end packet three times (§2.5.1.4), then a pause
/// before the next digit. Audio is not sent while an event is on.
/// </summary>
public sealed class TelephoneEventSender
{
    /// <summary>How many times the end packet is sent.</summary>
    public const int EndRepetitions = 3;

    private readonly ConcurrentQueue<byte> _queue = new();
    private readonly int _eventUnits;
    private readonly int _pauseFrames;
    private byte _event;
    private uint _timestamp;
    private int _duration;
    private bool _active;
    private int _pauseLeft;

    /// <summary>Creates a sender of events lasting <paramref name="durationMs"/> with <paramref name="pauseMs"/> between them.</summary>
    public TelephoneEventSender(int clockRate, int frameMs, int durationMs = 100, int pauseMs = 60)
    {
        _eventUnits = clockRate * durationMs / 1000;
        _pauseFrames = Math.Max(1, pauseMs / frameMs);
    }

    /// <summary>End packets sent (three per digit).</summary>
    public long EndPacketsSent { get; private set; }

    /// <summary>Digits completely sent.</summary>
    public long DigitsSent { get; private set; }

    /// <summary>Whether an event or the pause after one is in progress, or digits wait.</summary>
    public bool Busy => _active || _pauseLeft > 0 || !_queue.IsEmpty;

    /// <summary>Queues digits 0-9, *, #, A-D; other characters are rejected.</summary>
    /// <exception cref="ArgumentException">A character is not a DTMF digit.</exception>
    public void Enqueue(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        foreach (var c in digits)
        {
            _queue.Enqueue(ToEvent(c) ?? throw new ArgumentException($"'{c}' is not a DTMF digit", nameof(digits)));
        }
    }

    /// <summary>
    /// Decides this frame period's event packets. <paramref name="events"/> needs room for <see cref="EndRepetitions"/>.
    /// </summary>
    /// <returns>How many event payloads to send now (0 when audio should be sent instead).</returns>
    public int Next(uint frameTimestamp, uint frameIncrement, Span<TelephoneEvent> events, out uint eventTimestamp, out bool marker)
    {
        marker = false;
        eventTimestamp = _timestamp;
        if (!_active)
        {
            if (_pauseLeft > 0)
            {
                _pauseLeft--;
                return 0;
            }

            if (!_queue.TryDequeue(out _event))
            {
                return 0;
            }

            _active = true;
            _timestamp = frameTimestamp;
            eventTimestamp = _timestamp;
            _duration = 0;
            marker = true;
        }

        _duration += (int)frameIncrement;
        if (_duration < _eventUnits)
        {
            events[0] = new TelephoneEvent(_event, false, 10, (ushort)_duration);
            return 1;
        }

        for (var i = 0; i < EndRepetitions; i++)
        {
            events[i] = new TelephoneEvent(_event, true, 10, (ushort)Math.Min(_duration, ushort.MaxValue));
        }

        _active = false;
        _pauseLeft = _pauseFrames;
        EndPacketsSent += EndRepetitions;
        DigitsSent++;
        return EndRepetitions;
    }

    private static byte? ToEvent(char c) => c switch
    {
        >= '0' and <= '9' => (byte)(c - '0'),
        '*' => 10,
        '#' => 11,
        >= 'A' and <= 'D' => (byte)(12 + c - 'A'),
        >= 'a' and <= 'd' => (byte)(12 + c - 'a'),
        _ => null,
    };
}
