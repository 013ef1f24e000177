namespace Gateway.Dsp.Dtmf;

/// <summary>
/// One analysis window of the DTMF detector: Goertzel filters at the eight nominal frequencies, at ±2·tolerance
/// around each (frequency check) and at the high-group second harmonics (talk-off check), plus the window's total energy.
/// </summary>
internal sealed class DtmfWindow
{
    private readonly Goertzel[] _center = new Goertzel[8];
    private readonly Goertzel[] _below = new Goertzel[8];
    private readonly Goertzel[] _above = new Goertzel[8];
    private readonly Goertzel[] _harmonic = new Goertzel[4];
    private readonly DtmfDetectorOptions _options;
    private readonly double _minimumTonePower;
    private readonly double _normalTwist;
    private readonly double _reverseTwist;
    private readonly double _harmonicRatio;
    private double _energy;

    public DtmfWindow(int sampleRate, DtmfDetectorOptions options)
    {
        _options = options;
        var flank = 2 * options.FrequencyTolerance;
        for (var i = 0; i < 8; i++)
        {
            var f = i < 4 ? DtmfFrequencies.Rows[i] : DtmfFrequencies.Columns[i - 4];
            _center[i] = new Goertzel(f, sampleRate);
            _below[i] = new Goertzel(f * (1 - flank), sampleRate);
            _above[i] = new Goertzel(f * (1 + flank), sampleRate);
            if (i >= 4)
            {
                _harmonic[i - 4] = new Goertzel(2 * f, sampleRate);
            }
        }

        _minimumTonePower = PcmLevel.Power(options.MinimumToneLevelDbm0);
        _normalTwist = Math.Pow(10, options.NormalTwistDb / 10);
        _reverseTwist = Math.Pow(10, options.ReverseTwistDb / 10);
        _harmonicRatio = Math.Pow(10, -options.SecondHarmonicRejectionDb / 10);
    }

    public int Count { get; private set; }

    public void Process(short sample)
    {
        for (var i = 0; i < 8; i++)
        {
            _center[i].Process(sample);
            _below[i].Process(sample);
            _above[i].Process(sample);
        }

        for (var i = 0; i < 4; i++)
        {
            _harmonic[i].Process(sample);
        }

        _energy += (double)sample * sample;
        Count++;
    }

    /// <summary>The digit this window holds, or '\0', then resets for the next window.</summary>
    public char EvaluateAndReset()
    {
        var digit = Evaluate();
        for (var i = 0; i < 8; i++)
        {
            _center[i].Reset();
            _below[i].Reset();
            _above[i].Reset();
        }

        for (var i = 0; i < 4; i++)
        {
            _harmonic[i].Reset();
        }

        _energy = 0;
        Count = 0;
        return digit;
    }

    private char Evaluate()
    {
        var row = Strongest(0);
        var column = Strongest(4);
        var rowPower = _center[row].Power;
        var columnPower = _center[column].Power;
        if (rowPower < _minimumTonePower || columnPower < _minimumTonePower)
        {
            return '\0';
        }

        if (rowPower > columnPower * _normalTwist || columnPower > rowPower * _reverseTwist)
        {
            return '\0';
        }

        var meanSquare = _energy / Count;
        if (rowPower + columnPower < _options.MinimumToneEnergyRatio * meanSquare)
        {
            return '\0';
        }

        return OnFrequency(row) && OnFrequency(column) && HarmonicLow(column)
            ? DtmfFrequencies.Digit(row, column - 4)
            : '\0';
    }

    private int Strongest(int first)
    {
        var best = first;
        for (var i = first + 1; i < first + 4; i++)
        {
            if (_center[i].Power > _center[best].Power)
            {
                best = i;
            }
        }

        return best;
    }

    // The filter response is symmetric and falls off monotonically inside the main lobe, so the tone is within
    // the tolerance exactly when the centre filter sees more than both flank filters at twice the tolerance.
    private bool OnFrequency(int i) => _center[i].Power >= _below[i].Power && _center[i].Power >= _above[i].Power;

    // Only the high group: second harmonics of the low group (1394–1882 Hz) fall among the high-group tones.
    private bool HarmonicLow(int i) => _harmonic[i - 4].Power <= _center[i].Power * _harmonicRatio;
}
