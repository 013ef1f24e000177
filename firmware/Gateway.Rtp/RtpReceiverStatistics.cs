namespace Gateway.Rtp;

/// <summary>
/// Per-source receive statistics of RFC 3550 appendix A: sequence validation with probation and resync (A.1),
/// extended highest sequence number and loss (A.3), and interarrival jitter (A.8). Feed every packet of one SSRC.
/// </summary>
public sealed class RtpReceiverStatistics
{
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int MinSequential = 2;
    private const uint SequenceModulo = 1 << 16;

    private ushort _maxSeq;
    private uint _cycles;
    private uint _baseSeq;
    private uint _badSeq = SequenceModulo + 1;
    private int _probation = MinSequential;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private long _transit;
    private bool _haveTransit;
    private double _jitter;
    private bool _started;

    /// <summary>Packets accepted (counted by <see cref="Update"/> returning true).</summary>
    public long PacketsReceived => _received;

    /// <summary>The extended highest sequence number received (cycles in the high 16 bits).</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSeq;

    /// <summary>Packets expected from the first sequence number to the highest.</summary>
    public long PacketsExpected => _started ? (long)ExtendedHighestSequence - _baseSeq + 1 : 0;

    /// <summary>Cumulative packets lost (expected − received; negative with duplicates, as RFC 3550 allows).</summary>
    public long PacketsLost => PacketsExpected - _received;

    /// <summary>Interarrival jitter estimate in timestamp units (A.8).</summary>
    public uint Jitter => (uint)_jitter;

    /// <summary>
    /// Updates with one packet. <paramref name="arrival"/> is the arrival time in the stream's RTP clock units.
    /// </summary>
    /// <returns>False while the source is on probation or when the sequence jump is invalid (the packet is not counted).</returns>
    public bool Update(ushort sequence, uint rtpTimestamp, uint arrival)
    {
        if (!UpdateSequence(sequence))
        {
            return false;
        }

        // A.8: J += (|D| − J) / 16, with D the change in relative transit time.
        var transit = (long)unchecked((int)(arrival - rtpTimestamp));
        if (_haveTransit)
        {
            var d = Math.Abs(transit - _transit);
            _jitter += (d - _jitter) / 16.0;
        }

        _transit = transit;
        _haveTransit = true;
        return true;
    }

    /// <summary>
    /// Builds the report block for this source and starts a new reporting interval (A.3's fraction lost is per interval).
    /// </summary>
    public Rtcp.RtcpReportBlock CreateReportBlock(uint ssrc, uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        var expected = PacketsExpected;
        var expectedInterval = expected - _expectedPrior;
        _expectedPrior = expected;
        var receivedInterval = _received - _receivedPrior;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        // All lost would be 256/256; the 8-bit field tops out at 255.
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : Math.Min(255, (lostInterval << 8) / expectedInterval);
        var lost = (int)Math.Clamp(PacketsLost, -0x800000, 0x7FFFFF);
        return new Rtcp.RtcpReportBlock(ssrc, (byte)fraction, lost, ExtendedHighestSequence, Jitter, lastSenderReport, delaySinceLastSenderReport);
    }

    private void InitSequence(ushort sequence)
    {
        _baseSeq = sequence;
        _maxSeq = sequence;
        _badSeq = SequenceModulo + 1;
        _cycles = 0;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;
        _started = true;
    }

    private bool UpdateSequence(ushort sequence)
    {
        // A.1: a source is valid after MinSequential packets in sequence.
        if (_probation > 0)
        {
            if (_started && sequence == (ushort)(_maxSeq + 1))
            {
                _probation--;
                _maxSeq = sequence;
                if (_probation == 0)
                {
                    InitSequence(sequence);
                    _received++;
                    return true;
                }
            }
            else
            {
                _probation = MinSequential - 1;
                _maxSeq = sequence;
                _started = true;
            }

            return false;
        }

        var delta = (ushort)(sequence - _maxSeq);
        if (delta < MaxDropout)
        {
            if (sequence < _maxSeq)
            {
                _cycles += SequenceModulo;
            }

            _maxSeq = sequence;
        }
        else if (delta <= SequenceModulo - MaxMisorder)
        {
            // A large jump: accept it only if the next packet follows it (the sender restarted).
            if (sequence == _badSeq)
            {
                InitSequence(sequence);
            }
            else
            {
                _badSeq = (uint)((sequence + 1) & (SequenceModulo - 1));
                return false;
            }
        }

        // Otherwise a duplicate or a reordered packet: counted, maxSeq unchanged.
        _received++;
        return true;
    }
}
