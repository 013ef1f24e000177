namespace Gateway.Dsp.CallerId;

/// <summary>
/// Phase-continuous FSK modulator. Bits are timed on a fractional clock (6⅔ samples per bit at 8 kHz), so the
/// bit rate is exact over a message; bytes go out asynchronously: start bit (space), eight data bits LSB first,
/// stop bit (mark).
/// </summary>
public sealed class FskModulator
{
    private readonly double _markStep;
    private readonly double _spaceStep;
    private readonly double _samplesPerBit;
    private readonly double _amplitude;
    private double _phase;
    private double _clock;

    /// <summary>Creates a modulator; GR-30 and EN 300 659 put the signal around −13 dBm0.</summary>
    public FskModulator(FskStandard standard, int sampleRate, double levelDbm0 = -13)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _markStep = 2 * Math.PI * standard.MarkFrequency / sampleRate;
        _spaceStep = 2 * Math.PI * standard.SpaceFrequency / sampleRate;
        _samplesPerBit = (double)sampleRate / standard.BaudRate;
        _amplitude = PcmLevel.PeakAmplitude(levelDbm0);
    }

    /// <summary>Most samples one bit can take; size output spans for <see cref="WriteBit"/> at least this large.</summary>
    public int MaxSamplesPerBit => (int)Math.Ceiling(_samplesPerBit);

    /// <summary>Writes one bit (true = mark); returns the samples written.</summary>
    public int WriteBit(bool mark, Span<short> output)
    {
        _clock += _samplesPerBit;
        var count = (int)_clock;
        _clock -= count;
        var step = mark ? _markStep : _spaceStep;
        for (var i = 0; i < count; i++)
        {
            output[i] = PcmLevel.Saturate(_amplitude * Math.Sin(_phase));
            _phase += step;
            if (_phase > 2 * Math.PI)
            {
                _phase -= 2 * Math.PI;
            }
        }

        return count;
    }

    /// <summary>Writes one asynchronous character (10 bits); returns the samples written.</summary>
    public int WriteByte(byte value, Span<short> output)
    {
        var written = WriteBit(false, output);
        for (var bit = 0; bit < 8; bit++)
        {
            written += WriteBit(((value >> bit) & 1) == 1, output[written..]);
        }

        return written + WriteBit(true, output[written..]);
    }
}
