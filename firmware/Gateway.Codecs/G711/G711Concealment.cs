namespace Gateway.Codecs.G711;

/// <summary>
/// Packet loss concealment for 8 kHz speech after the method described in ITU-T G.711 Appendix I (written from
/// that description): output runs 3.75 ms behind the input so the start of a loss can be smoothed; a lost frame
/// repeats the last pitch period (found by normalized cross-correlation over 5–15 ms), using two and then three
/// periods as the loss goes on, fading by 20 % per 10 ms after the first 10 ms and reaching silence at 60 ms;
/// the first good frame after a loss is overlap-added with the continued synthetic signal.
/// One instance per stream; frames of any length.
/// </summary>
public sealed class G711Concealment
{
    /// <summary>Samples the output lags the input (3.75 ms).</summary>
    public const int Delay = 30;

    private const int PitchMin = 40;
    private const int PitchMax = 120;
    private const int CorrelationLength = 160;
    private const int HistoryLength = (3 * PitchMax) + Delay;
    private const int TenMs = 80;

    private readonly short[] _history = new short[HistoryLength];
    private readonly float[] _pitchBuffer = new float[3 * PitchMax];
    private int _pitch;
    private int _periods;
    private int _readPosition;
    private int _erasedSamples;

    /// <summary>Whether the last frame given was concealed.</summary>
    public bool InErasure => _erasedSamples > 0;

    /// <summary>Takes a received frame and writes the same number of output samples (delayed by <see cref="Delay"/>).</summary>
    public void Receive(ReadOnlySpan<short> frame, Span<short> output)
    {
        if (output.Length < frame.Length)
        {
            throw new ArgumentException("output shorter than the frame", nameof(output));
        }

        Span<short> smoothed = frame.Length <= 1024 ? stackalloc short[frame.Length] : new short[frame.Length];
        frame.CopyTo(smoothed);
        if (_erasedSamples > 0)
        {
            // Overlap-add the synthetic continuation into the start of the real signal: a quarter pitch period, plus
            // 4 ms for each further 10 ms lost, at most 10 ms.
            var length = Math.Min(Math.Min((_pitch / 4) + (((_erasedSamples - 1) / TenMs) * 32), TenMs), frame.Length);
            var gain = Gain(_erasedSamples);
            for (var i = 0; i < length; i++)
            {
                var w = (i + 1f) / (length + 1f);
                var synthetic = NextSynthetic() * gain;
                smoothed[i] = Clip((synthetic * (1 - w)) + (frame[i] * w));
            }

            _erasedSamples = 0;
        }

        Push(smoothed, output);
    }

    /// <summary>Writes <paramref name="output"/>.Length samples of concealment for a lost frame.</summary>
    public void Conceal(Span<short> output)
    {
        Span<short> synthetic = output.Length <= 1024 ? stackalloc short[output.Length] : new short[output.Length];
        if (_erasedSamples == 0)
        {
            StartErasure();
        }

        for (var i = 0; i < synthetic.Length; i++)
        {
            // Widen to two periods after 10 ms and three after 20 ms, as the recommendation does against buzziness.
            var wanted = Math.Min(3, 1 + (_erasedSamples / TenMs));
            if (wanted != _periods)
            {
                ChangePeriods(wanted);
            }

            synthetic[i] = Clip(NextSynthetic() * Gain(_erasedSamples));
            _erasedSamples++;
        }

        Push(synthetic, output);
    }

    private static short Clip(float value) => (short)Math.Clamp(MathF.Round(value), short.MinValue, short.MaxValue);

    private static float Gain(int erased) => erased <= TenMs ? 1f : Math.Max(0f, 1f - (0.2f * (erased - TenMs) / TenMs));

    private void Push(ReadOnlySpan<short> frame, Span<short> output)
    {
        // The history always holds the newest input; output is the history's delayed part.
        var n = frame.Length;
        if (n >= HistoryLength)
        {
            _history.AsSpan(HistoryLength - Delay).CopyTo(output);
            frame[..(n - Delay)].CopyTo(output[Delay..]);
            frame[(n - HistoryLength)..].CopyTo(_history);
            return;
        }

        _history.AsSpan(HistoryLength - Delay, Math.Min(Delay, n)).CopyTo(output);
        if (n > Delay)
        {
            frame[..(n - Delay)].CopyTo(output[Delay..]);
        }
        else
        {
            // Short frames: output comes entirely from the delayed history.
            _history.AsSpan(HistoryLength - Delay, n).CopyTo(output);
        }

        Array.Copy(_history, n, _history, 0, HistoryLength - n);
        frame.CopyTo(_history.AsSpan(HistoryLength - n));
    }

    private void StartErasure()
    {
        _pitch = FindPitch();
        for (var i = 0; i < _pitchBuffer.Length; i++)
        {
            _pitchBuffer[i] = _history[HistoryLength - _pitchBuffer.Length + i];
        }

        // Smooth the joint: the last quarter period (still within the delayed, unplayed part) fades into the
        // samples one period earlier, which are what the repetition continues from.
        var quarter = _pitch / 4;
        var end = _pitchBuffer.Length;
        for (var i = 0; i < quarter; i++)
        {
            var w = (i + 1f) / (quarter + 1f);
            var blended = (_pitchBuffer[end - quarter + i] * (1 - w)) + (_pitchBuffer[end - _pitch - quarter + i] * w);
            _pitchBuffer[end - quarter + i] = blended;
            _history[HistoryLength - quarter + i] = Clip(blended);
        }

        _periods = 1;
        _readPosition = 0;
    }

    private void ChangePeriods(int periods)
    {
        // Continue from the same sample inside the longer span, so the switch itself is seamless; the older
        // periods come in when the current one has played out.
        _readPosition = ((periods - _periods) * _pitch) + (_readPosition % (_periods * _pitch));
        _periods = periods;
    }

    private float NextSynthetic() => Sample(_periods, _readPosition++);

    private float Sample(int periods, int position)
    {
        var span = periods * _pitch;
        return _pitchBuffer[_pitchBuffer.Length - span + (position % span)];
    }

    private int FindPitch()
    {
        // Normalized cross-correlation of the newest 20 ms with the signal P samples earlier; coarse then fine.
        var best = PitchMax;
        var bestScore = float.NegativeInfinity;
        for (var p = PitchMin; p <= PitchMax; p += 2)
        {
            Score(p, ref best, ref bestScore);
        }

        var coarse = best;
        for (var p = Math.Max(PitchMin, coarse - 1); p <= Math.Min(PitchMax, coarse + 1); p++)
        {
            Score(p, ref best, ref bestScore);
        }

        return best;
    }

    private void Score(int period, ref int best, ref float bestScore)
    {
        var start = HistoryLength - CorrelationLength;
        double cross = 0, energy = 1;
        for (var i = 0; i < CorrelationLength; i++)
        {
            double a = _history[start + i], b = _history[start - period + i];
            cross += a * b;
            energy += b * b;
        }

        var score = (float)(cross / Math.Sqrt(energy));
        if (score > bestScore)
        {
            bestScore = score;
            best = period;
        }
    }
}
