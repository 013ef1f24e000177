namespace Gateway.Dsp.CallerId;

/// <summary>
/// Non-coherent FSK receiver with an asynchronous (UART) framer. Quadrature correlators at the mark and space
/// frequencies over one bit time decide mark or space per sample; a space after mark starts a character, which is
/// sampled at bit centres on the fractional bit clock. Characters with a bad stop bit are dropped and counted.
/// Feed any chunk size to <see cref="Process"/>, read bytes with <see cref="TryReadByte"/>; no allocation after
/// construction.
/// </summary>
public sealed class FskDemodulator
{
    private const int QueueCapacity = 512;
    private readonly Queue<byte> _bytes = new(QueueCapacity);
    private readonly double[] _markCos;
    private readonly double[] _markSin;
    private readonly double[] _spaceCos;
    private readonly double[] _spaceSin;
    private readonly double _markStep;
    private readonly double _spaceStep;
    private readonly double _samplesPerBit;
    private double _sumMarkCos;
    private double _sumMarkSin;
    private double _sumSpaceCos;
    private double _sumSpaceSin;
    private double _markPhase;
    private double _spacePhase;
    private long _n;
    private bool _lastMark;
    private bool _inCharacter;
    private double _nextSample;
    private int _bitIndex;
    private int _shift;

    /// <summary>Creates a receiver for <paramref name="standard"/> at <paramref name="sampleRate"/> Hz.</summary>
    public FskDemodulator(FskStandard standard, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _samplesPerBit = (double)sampleRate / standard.BaudRate;
        var window = (int)Math.Round(_samplesPerBit);
        _markCos = new double[window];
        _markSin = new double[window];
        _spaceCos = new double[window];
        _spaceSin = new double[window];
        _markStep = 2 * Math.PI * standard.MarkFrequency / sampleRate;
        _spaceStep = 2 * Math.PI * standard.SpaceFrequency / sampleRate;
    }

    /// <summary>Characters dropped for a missing stop bit.</summary>
    public int FramingErrors { get; private set; }

    /// <summary>Demodulates a chunk of PCM.</summary>
    public void Process(ReadOnlySpan<short> pcm)
    {
        foreach (var sample in pcm)
        {
            var mark = Decide(sample);
            Frame(mark);
            _lastMark = mark;
            _n++;
        }
    }

    /// <summary>Takes the oldest received byte.</summary>
    public bool TryReadByte(out byte value) => _bytes.TryDequeue(out value);

    private bool Decide(short sample)
    {
        var slot = (int)(_n % _markCos.Length);
        var markPhase = _markPhase;
        var spacePhase = _spacePhase;
        _markPhase = (_markPhase + _markStep) % (2 * Math.PI);
        _spacePhase = (_spacePhase + _spaceStep) % (2 * Math.PI);
        _sumMarkCos += (sample * Math.Cos(markPhase)) - _markCos[slot];
        _sumMarkSin += (sample * Math.Sin(markPhase)) - _markSin[slot];
        _sumSpaceCos += (sample * Math.Cos(spacePhase)) - _spaceCos[slot];
        _sumSpaceSin += (sample * Math.Sin(spacePhase)) - _spaceSin[slot];
        _markCos[slot] = sample * Math.Cos(markPhase);
        _markSin[slot] = sample * Math.Sin(markPhase);
        _spaceCos[slot] = sample * Math.Cos(spacePhase);
        _spaceSin[slot] = sample * Math.Sin(spacePhase);
        var markEnergy = (_sumMarkCos * _sumMarkCos) + (_sumMarkSin * _sumMarkSin);
        var spaceEnergy = (_sumSpaceCos * _sumSpaceCos) + (_sumSpaceSin * _sumSpaceSin);
        return markEnergy >= spaceEnergy;
    }

    private void Frame(bool mark)
    {
        if (!_inCharacter)
        {
            if (_lastMark && !mark)
            {
                // Start bit edge: check its centre half a bit later, then every bit after.
                _inCharacter = true;
                _nextSample = _n + (_samplesPerBit / 2);
                _bitIndex = 0;
                _shift = 0;
            }

            return;
        }

        if (_n < _nextSample)
        {
            return;
        }

        _nextSample += _samplesPerBit;
        if (_bitIndex == 0)
        {
            _inCharacter = !mark; // a glitch, not a start bit
        }
        else if (_bitIndex <= 8)
        {
            _shift |= (mark ? 1 : 0) << (_bitIndex - 1);
        }
        else
        {
            _inCharacter = false;
            if (!mark)
            {
                FramingErrors++;
            }
            else if (_bytes.Count < QueueCapacity)
            {
                _bytes.Enqueue((byte)_shift);
            }
        }

        _bitIndex++;
    }
}
