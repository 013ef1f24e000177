namespace Gateway.Dsp;

/// <summary>
/// Goertzel filter: the DFT term at one frequency, updated sample by sample (second-order recursion), so a detector
/// looking at a handful of frequencies pays a few multiply-adds per sample instead of an FFT.
/// </summary>
public sealed class Goertzel
{
    private readonly double _coefficient;
    private double _s1;
    private double _s2;
    private int _count;

    /// <summary>Creates a filter for <paramref name="frequency"/> Hz at <paramref name="sampleRate"/> Hz.</summary>
    public Goertzel(double frequency, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        Frequency = frequency;
        _coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
    }

    /// <summary>The analysed frequency in Hz.</summary>
    public double Frequency { get; }

    /// <summary>Samples fed since the last <see cref="Reset"/>.</summary>
    public int Count => _count;

    /// <summary>
    /// Mean-square level of the component at <see cref="Frequency"/> over the samples since <see cref="Reset"/>:
    /// a sine of amplitude A at exactly this frequency gives A²/2, comparable with <see cref="PcmLevel"/>.
    /// </summary>
    public double Power
    {
        get
        {
            if (_count == 0)
            {
                return 0;
            }

            var squared = (_s1 * _s1) + (_s2 * _s2) - (_coefficient * _s1 * _s2);
            return 2 * squared / ((double)_count * _count);
        }
    }

    /// <summary>Feeds one sample.</summary>
    public void Process(double sample)
    {
        var s0 = sample + (_coefficient * _s1) - _s2;
        _s2 = _s1;
        _s1 = s0;
        _count++;
    }

    /// <summary>Feeds a block of samples.</summary>
    public void Process(ReadOnlySpan<short> samples)
    {
        foreach (var sample in samples)
        {
            Process(sample);
        }
    }

    /// <summary>Starts a new analysis block.</summary>
    public void Reset()
    {
        _s1 = 0;
        _s2 = 0;
        _count = 0;
    }
}
