namespace Gateway.Dsp.Dtmf;

/// <summary>
/// In-band DTMF sender, for calls whose far end did not offer telephone-event (RFC 4733). Queue digits with
/// <see cref="Enqueue"/> and pull PCM frames with <see cref="Render"/>; each digit is its two tones for
/// <see cref="DtmfGeneratorOptions.ToneDuration"/> followed by <see cref="DtmfGeneratorOptions.Pause"/> of silence.
/// </summary>
public sealed class DtmfGenerator
{
    private const int QueueCapacity = 64;
    private readonly Queue<char> _queue = new(QueueCapacity);
    private readonly int _toneSamples;
    private readonly int _pauseSamples;
    private readonly double _lowAmplitude;
    private readonly double _highAmplitude;
    private double _lowStep;
    private double _highStep;
    private int _index;
    private bool _active;

    /// <summary>Creates a generator at <paramref name="sampleRate"/> Hz.</summary>
    public DtmfGenerator(int sampleRate, DtmfGeneratorOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        options ??= new DtmfGeneratorOptions();
        SampleRate = sampleRate;
        _toneSamples = (int)Math.Round(options.ToneDuration.TotalSeconds * sampleRate);
        _pauseSamples = (int)Math.Round(options.Pause.TotalSeconds * sampleRate);
        _lowAmplitude = PcmLevel.PeakAmplitude(options.LowGroupLevelDbm0);
        _highAmplitude = PcmLevel.PeakAmplitude(options.HighGroupLevelDbm0);
    }

    /// <summary>Output sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>True when no digit is playing or queued.</summary>
    public bool IsIdle => !_active && _queue.Count == 0;

    /// <summary>Queues digits (0–9, *, #, A–D); throws for any other character or when more than 64 are pending.</summary>
    public void Enqueue(ReadOnlySpan<char> digits)
    {
        foreach (var digit in digits)
        {
            if (!DtmfFrequencies.TryGetFrequencies(digit, out _, out _))
            {
                throw new ArgumentException($"'{digit}' is not a DTMF digit", nameof(digits));
            }
        }

        if (_queue.Count + digits.Length > QueueCapacity)
        {
            throw new InvalidOperationException("DTMF queue full");
        }

        foreach (var digit in digits)
        {
            _queue.Enqueue(digit);
        }
    }

    /// <summary>
    /// Fills <paramref name="output"/>; returns how many samples carry queued digits (tone or pause), the rest is
    /// silence.
    /// </summary>
    public int Render(Span<short> output)
    {
        var produced = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (!_active && !TryStartNext())
            {
                output[i..].Clear();
                return produced;
            }

            output[i] = _index < _toneSamples
                ? PcmLevel.Saturate((_lowAmplitude * Math.Sin(_lowStep * _index)) + (_highAmplitude * Math.Sin(_highStep * _index)))
                : (short)0;
            produced++;
            if (++_index >= _toneSamples + _pauseSamples)
            {
                _active = false;
            }
        }

        return produced;
    }

    /// <summary>Renders <paramref name="digits"/> to a new buffer (tones and pauses), for tests and prompts.</summary>
    public static short[] RenderDigits(string digits, int sampleRate, DtmfGeneratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var generator = new DtmfGenerator(sampleRate, options);
        var perDigit = generator._toneSamples + generator._pauseSamples;
        var pcm = new short[digits.Length * perDigit];
        for (var start = 0; start < digits.Length; start += QueueCapacity)
        {
            var count = Math.Min(QueueCapacity, digits.Length - start);
            generator.Enqueue(digits.AsSpan(start, count));
            generator.Render(pcm.AsSpan(start * perDigit, count * perDigit));
        }

        return pcm;
    }

    private bool TryStartNext()
    {
        if (!_queue.TryDequeue(out var digit))
        {
            return false;
        }

        DtmfFrequencies.TryGetFrequencies(digit, out var low, out var high);
        _lowStep = 2 * Math.PI * low / SampleRate;
        _highStep = 2 * Math.PI * high / SampleRate;
        _index = 0;
        _active = true;
        return true;
    }
}
