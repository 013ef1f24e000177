namespace Gateway.Codecs;

/// <summary>
/// A streaming rational resampler between 8, 16 and 48 kHz: conceptually upsample by L, low-pass with a
/// Kaiser-windowed sinc, downsample by M, computed polyphase so only the needed outputs are filtered. The stop band
/// starts at the lower rate's Nyquist frequency (attenuation ≥ 70 dB by design); the pass band ends at 87.5 % of it.
/// One instance per stream: it keeps the input history so consecutive frames join without clicks.
/// </summary>
public sealed class Resampler
{
    private const double StopbandAttenuationDb = 70;

    private readonly float[] _taps;
    private readonly int _tapsPerPhase;
    private readonly int _up;
    private readonly int _down;
    private float[] _buffer;
    private long _position;

    /// <summary>Creates a resampler from <paramref name="inputRate"/> to <paramref name="outputRate"/> (8000, 16000 or 48000).</summary>
    public Resampler(int inputRate, int outputRate)
    {
        if (!IsSupported(inputRate) || !IsSupported(outputRate))
        {
            throw new ArgumentException($"only 8000, 16000 and 48000 Hz are supported, not {inputRate} → {outputRate}");
        }

        InputRate = inputRate;
        OutputRate = outputRate;
        var gcd = Gcd(inputRate, outputRate);
        _up = outputRate / gcd;
        _down = inputRate / gcd;
        (_taps, _tapsPerPhase) = Design(inputRate, outputRate, _up);
        _buffer = new float[_tapsPerPhase - 1 + 960];
        _position = (long)(_tapsPerPhase - 1) * _up;
    }

    /// <summary>The input sample rate in Hz.</summary>
    public int InputRate { get; }

    /// <summary>The output sample rate in Hz.</summary>
    public int OutputRate { get; }

    /// <summary>Delay the filter adds, in output samples.</summary>
    public int DelayOutputSamples => (_taps.Length / 2) / _down;

    /// <summary>The most output samples <see cref="Process"/> can produce for <paramref name="inputSamples"/> input samples.</summary>
    public int MaxOutputLength(int inputSamples) => (int)(((long)inputSamples * _up / _down) + 1);

    /// <summary>Resamples one block; any length works, and 20 ms blocks give exactly 20 ms of output.</summary>
    /// <returns>The output samples written.</returns>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        var history = _tapsPerPhase - 1;
        if (_buffer.Length < history + input.Length)
        {
            Array.Resize(ref _buffer, history + input.Length);
        }

        var buffer = _buffer;
        for (var i = 0; i < input.Length; i++)
        {
            buffer[history + i] = input[i];
        }

        var available = history + input.Length;
        var written = 0;
        var position = _position;
        while (position / _up < available)
        {
            if (written >= output.Length)
            {
                throw new ArgumentException("output buffer too small; use MaxOutputLength", nameof(output));
            }

            var newest = (int)(position / _up);
            var phase = (int)(position - ((long)newest * _up));
            float acc = 0;
            for (int k = 0, t = phase; k < _tapsPerPhase; k++, t += _up)
            {
                acc += _taps[t] * buffer[newest - k];
            }

            output[written++] = (short)Math.Clamp(MathF.Round(acc), short.MinValue, short.MaxValue);
            position += _down;
        }

        // Keep the newest samples as history; positions are relative to the buffer start.
        Array.Copy(buffer, input.Length, buffer, 0, history);
        _position = position - ((long)input.Length * _up);
        return written;
    }

    private static bool IsSupported(int rate) => rate is 8000 or 16000 or 48000;

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static (float[] Taps, int PerPhase) Design(int inputRate, int outputRate, int up)
    {
        var filterRate = (double)inputRate * up;
        var nyquist = Math.Min(inputRate, outputRate) / 2.0;
        var passEdge = nyquist * 0.875;
        var transition = (nyquist - passEdge) / filterRate;
        var length = (int)Math.Ceiling((StopbandAttenuationDb - 7.95) / (14.36 * transition)) + 1;
        var perPhase = (length + up - 1) / up;
        length = perPhase * up;
        var beta = 0.1102 * (StopbandAttenuationDb - 8.7);
        var cutoff = (passEdge + nyquist) / 2 / filterRate;
        var taps = new float[length];
        var centre = (length - 1) / 2.0;
        double sum = 0;
        var coefficients = new double[length];
        for (var n = 0; n < length; n++)
        {
            var x = n - centre;
            var sinc = x == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            var ratio = (2.0 * n / (length - 1)) - 1;
            coefficients[n] = sinc * BesselI0(beta * Math.Sqrt(1 - (ratio * ratio))) / BesselI0(beta);
            sum += coefficients[n];
        }

        // Unity gain at DC after upsampling by L: the taps sum to L.
        for (var n = 0; n < length; n++)
        {
            taps[n] = (float)(coefficients[n] * up / sum);
        }

        return (taps, perPhase);
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 50; k++)
        {
            term *= x / (2 * k);
            sum += term * term;
            if (term * term < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
