namespace Gateway.Dsp.Dtmf;

/// <summary>
/// In-band DTMF receiver for analog lines (FXS port), after ITU-T Q.24. Feed 16-bit PCM in chunks of any size with
/// <see cref="Process"/>, then drain finished digits with <see cref="TryGetDigit"/>; a digit is reported once its
/// tone has ended (so its duration is known), in the same characters as the keypad digit stream.
/// </summary>
/// <remarks>
/// Analysis windows of 12.75 ms (102 samples at 8 kHz, 204 at 16 kHz; filters ~78 Hz wide, enough to separate
/// neighbouring rows) overlap by half, so a result comes every 6.4 ms. A window holds a digit when both tones pass
/// level, twist, frequency, energy-share and harmonic checks (<see cref="DtmfDetectorOptions"/>). Because a window
/// passes the energy-share check only when the tone fills at least ~75 % of it, the run of passing windows measures
/// the tone's length: duration ≈ run·hop + ½·window, within one hop. Nothing is allocated after construction.
/// </remarks>
public sealed class DtmfDetector
{
    private const int QueueCapacity = 32;
    private readonly DtmfWindow[] _windows = new DtmfWindow[2];
    private readonly int[] _skip = new int[2];
    private readonly Queue<DtmfDigitEvent> _digits = new(QueueCapacity);
    private readonly int _windowLength;
    private readonly int _hop;
    private readonly int _minimumDurationSamples;
    private readonly int _endGapWindows;
    private readonly double _coverage;
    private long _position;
    private char _current;
    private long _currentStart;
    private int _run;
    private int _gap;

    /// <summary>Creates a detector for 8000 or 16000 Hz input with the Q.24 defaults or <paramref name="options"/>.</summary>
    public DtmfDetector(int sampleRate, DtmfDetectorOptions? options = null)
    {
        if (sampleRate is not (8000 or 16000))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "8000 or 16000 Hz");
        }

        options ??= new DtmfDetectorOptions();
        SampleRate = sampleRate;
        _windowLength = 102 * sampleRate / 8000;
        _hop = _windowLength / 2;
        _coverage = options.MinimumToneEnergyRatio;
        _windows[0] = new DtmfWindow(sampleRate, options);
        _windows[1] = new DtmfWindow(sampleRate, options);
        _skip[1] = _hop;
        _minimumDurationSamples = (int)(options.MinimumDuration.TotalSeconds * sampleRate);
        _endGapWindows = Math.Max(2, (int)Math.Ceiling(options.MinimumPause.TotalSeconds * sampleRate / _hop));
    }

    /// <summary>Input sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Analyses a chunk of PCM; chunk boundaries do not matter.</summary>
    public void Process(ReadOnlySpan<short> pcm)
    {
        foreach (var sample in pcm)
        {
            for (var w = 0; w < _windows.Length; w++)
            {
                if (_skip[w] > 0)
                {
                    _skip[w]--;
                    continue;
                }

                var window = _windows[w];
                window.Process(sample);
                if (window.Count == _windowLength)
                {
                    OnWindow(window.EvaluateAndReset(), _position + 1 - _windowLength);
                }
            }

            _position++;
        }
    }

    /// <summary>Takes the oldest finished digit, if any.</summary>
    public bool TryGetDigit(out DtmfDigitEvent digit) => _digits.TryDequeue(out digit);

    private void OnWindow(char digit, long windowStart)
    {
        if (digit != '\0')
        {
            if (digit == _current)
            {
                _run += _gap + 1;
                _gap = 0;
                return;
            }

            Finish();
            _current = digit;
            _currentStart = windowStart;
            _run = 1;
            _gap = 0;
            return;
        }

        if (_current != '\0' && ++_gap >= _endGapWindows)
        {
            Finish();
        }
    }

    private void Finish()
    {
        if (_current == '\0')
        {
            return;
        }

        // Windows pass while the tone covers at least _coverage of them, so passing window starts span
        // tone − window + 2·edge; a run of k hop-spaced windows means that span is within ±1 hop of k·hop.
        var edge = (int)((1 - _coverage) * _windowLength);
        var duration = (_run * _hop) + _windowLength - (2 * edge);
        if (duration >= _minimumDurationSamples && _digits.Count < QueueCapacity)
        {
            _digits.Enqueue(new DtmfDigitEvent(_current, _currentStart + edge, duration, SampleRate));
        }

        _current = '\0';
        _run = 0;
        _gap = 0;
    }
}
