using Gateway.Rtp;

namespace Gateway.Media.Streams;

/// <summary>
/// Turns received RFC 4733 telephone-event packets into digits: one digit per event (identified by its RTP
/// timestamp), reported on its first end packet; the repeated end packets and retransmissions are counted, not
/// reported again. An event whose end packets were all lost is reported when the next event starts.
/// </summary>
public sealed class TelephoneEventReceiver
{
    private readonly int _clockRate;
    private bool _inEvent;
    private uint _timestamp;
    private bool _ended;
    private TelephoneEvent _last;

    /// <summary>Creates a receiver for a stream with RTP clock <paramref name="clockRate"/>.</summary>
    public TelephoneEventReceiver(int clockRate) => _clockRate = clockRate;

    /// <summary>Raised on the receive thread for each digit.</summary>
    public event EventHandler<TelephoneEventReceivedEventArgs>? DigitReceived;

    /// <summary>End packets received, repeats included.</summary>
    public long EndPacketsReceived { get; private set; }

    /// <summary>Payloads that were not valid telephone-events.</summary>
    public long Malformed { get; private set; }

    /// <summary>Handles one telephone-event packet.</summary>
    public void Receive(RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TelephoneEvent.TryRead(payload, out var value) || value.Digit is null)
        {
            Malformed++;
            return;
        }

        if (!_inEvent || header.Timestamp != _timestamp)
        {
            if (_inEvent && !_ended)
            {
                Report(_last);
            }

            _inEvent = true;
            _ended = false;
            _timestamp = header.Timestamp;
        }

        _last = value;
        if (!value.End)
        {
            return;
        }

        EndPacketsReceived++;
        if (!_ended)
        {
            _ended = true;
            Report(value);
        }
    }

    /// <summary>Forgets the event in progress (new SSRC).</summary>
    public void Reset() => _inEvent = false;

    private void Report(TelephoneEvent value) =>
        DigitReceived?.Invoke(this, new TelephoneEventReceivedEventArgs(value.Digit!.Value, value.Duration * 1000 / _clockRate));
}
