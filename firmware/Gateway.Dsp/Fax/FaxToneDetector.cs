namespace Gateway.Dsp.Fax;

/// <summary>
/// Detects CNG and CED/ANSam in 16-bit PCM (8 or 16 kHz), any chunk size, no allocation after construction.
/// </summary>
/// <remarks>
/// Each 10 ms block is tested with a Goertzel filter at 1100 Hz and at 2100 Hz: the tone must carry at least
/// 60 % of the block's energy (rejects speech, music chords and DTMF, whose energy is spread or sits elsewhere) and
/// be above −40 dBm0. A 10 ms block filter is ~100 Hz wide, enough for CNG's ±38 Hz tolerance.
/// CNG is reported when a burst of 400–650 ms ends (T.30: 0.5 s ± 15 %), so a continuous 1100 Hz tone is not CNG.
/// CED is reported once the 2100 Hz tone has lasted <see cref="CedSustain"/> (default 500 ms): we do not wait the
/// full 2.6 s because the gateway must switch the call to fax handling while the tone still plays, and 2100 Hz
/// held for half a second does not occur in speech. ANSam's 15 Hz amplitude modulation (±20 %) leaves the energy
/// share unchanged; its phase reversals every 450 ms spoil at most one or two blocks, so gaps up to 30 ms are bridged.
/// ANSam is not told apart from plain ANS.
/// </remarks>
public sealed class FaxToneDetector
{
    private const int QueueCapacity = 16;
    private const int BridgedGapBlocks = 3;
    private const double MinimumShare = 0.6;
    private readonly Queue<FaxToneEvent> _events = new(QueueCapacity);
    private readonly Goertzel _cng;
    private readonly Goertzel _ced;
    private readonly int _blockLength;
    private readonly double _minimumPower = PcmLevel.Power(-40);
    private readonly int _cedBlocks;
    private double _energy;
    private long _position;
    private long _blockIndex;
    private ToneRun _cngRun;
    private ToneRun _cedRun;

    /// <summary>Creates a detector for 8000 or 16000 Hz input.</summary>
    public FaxToneDetector(int sampleRate, TimeSpan? cedSustain = null)
    {
        if (sampleRate is not (8000 or 16000))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "8000 or 16000 Hz");
        }

        SampleRate = sampleRate;
        CedSustain = cedSustain ?? TimeSpan.FromMilliseconds(500);
        _blockLength = sampleRate / 100;
        _cng = new Goertzel(1100, sampleRate);
        _ced = new Goertzel(2100, sampleRate);
        _cedBlocks = Math.Max(1, (int)Math.Round(CedSustain.TotalMilliseconds / 10));
    }

    /// <summary>Input sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>How long 2100 Hz must last before CED is reported.</summary>
    public TimeSpan CedSustain { get; }

    /// <summary>Analyses a chunk of PCM.</summary>
    public void Process(ReadOnlySpan<short> pcm)
    {
        foreach (var sample in pcm)
        {
            _cng.Process(sample);
            _ced.Process(sample);
            _energy += (double)sample * sample;
            _position++;
            if (_cng.Count == _blockLength)
            {
                EndBlock();
            }
        }
    }

    /// <summary>Takes the oldest event, if any.</summary>
    public bool TryGetEvent(out FaxToneEvent toneEvent) => _events.TryDequeue(out toneEvent);

    private void EndBlock()
    {
        var meanSquare = _energy / _blockLength;
        var cng = Present(_cng.Power, meanSquare);
        var ced = Present(_ced.Power, meanSquare);
        _cng.Reset();
        _ced.Reset();
        _energy = 0;

        if (_cngRun.Update(cng, _blockIndex, BridgedGapBlocks) is { } burst && burst.Blocks is >= 40 and <= 65)
        {
            Raise(FaxTone.Cng, burst.FirstBlock, burst.Blocks);
        }

        _cedRun.Update(ced, _blockIndex, BridgedGapBlocks);
        if (ced && !_cedRun.Reported && _cedRun.Length(_blockIndex) >= _cedBlocks)
        {
            _cedRun.Reported = true;
            Raise(FaxTone.Ced, _cedRun.FirstBlock, _cedRun.Length(_blockIndex));
        }

        _blockIndex++;
    }

    private bool Present(double tonePower, double meanSquare) => tonePower >= _minimumPower && tonePower >= MinimumShare * meanSquare;

    private void Raise(FaxTone tone, long firstBlock, int blocks)
    {
        if (_events.Count < QueueCapacity)
        {
            _events.Enqueue(new FaxToneEvent(tone, firstBlock * _blockLength, blocks * _blockLength, SampleRate));
        }
    }
}
