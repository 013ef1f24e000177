namespace Gateway.Dsp.Tones;

/// <summary>
/// Renders a <see cref="ToneDefinition"/> into PCM frames at any rate (8 or 16 kHz in practice). Each distinct
/// frequency has one oscillator that keeps running through silent steps and step changes, so the output is phase
/// continuous across frames and cadence steps (no clicks where a sine continues, as in the UK special dial tone).
/// A sine that starts or stops at a step boundary is faded in or out over 2 ms (raised cosine), so cadence edges
/// do not click.
/// </summary>
public sealed class ToneGenerator
{
    private readonly double[] _phaseStep;
    private readonly double[] _phase;
    private readonly int[][] _oscillators;
    private readonly double[][] _amplitudes;
    private readonly long[] _stepSamples;
    private readonly bool[][] _fadeIn;
    private readonly bool[][] _fadeOut;
    private readonly double[] _ramp;
    private readonly ToneDefinition _definition;
    private int _step;
    private long _inStep;

    /// <summary>Creates a generator for <paramref name="definition"/> at <paramref name="sampleRate"/> Hz.</summary>
    public ToneGenerator(ToneDefinition definition, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (definition.Steps.Count == 0 || definition.RepeatFrom >= definition.Steps.Count || definition.RepeatFrom < -1)
        {
            throw new ArgumentException("a tone needs steps and a valid repeat index", nameof(definition));
        }

        _definition = definition;
        var frequencies = definition.Steps.SelectMany(s => s.Components).Select(c => c.Frequency).Distinct().ToArray();
        _phaseStep = frequencies.Select(f => 2 * Math.PI * f / sampleRate).ToArray();
        _phase = new double[frequencies.Length];
        _oscillators = definition.Steps.Select(s => s.Components.Select(c => Array.IndexOf(frequencies, c.Frequency)).ToArray()).ToArray();
        _amplitudes = definition.Steps.Select(s => s.Components.Select(c => PcmLevel.PeakAmplitude(c.LevelDbm0)).ToArray()).ToArray();
        _stepSamples = definition.Steps.Select(s => s.IsContinuous ? long.MaxValue : (long)Math.Round(s.Duration.TotalSeconds * sampleRate)).ToArray();
        _ramp = new double[sampleRate / 500];
        for (var i = 0; i < _ramp.Length; i++)
        {
            _ramp[i] = 0.5 * (1 - Math.Cos(Math.PI * (i + 0.5) / _ramp.Length));
        }

        var steps = definition.Steps;
        int? Next(int i) => i + 1 < steps.Count ? i + 1 : definition.RepeatFrom >= 0 ? definition.RepeatFrom : null;
        int? Previous(int i) => i > 0 ? i - 1 : definition.RepeatFrom == 0 && !steps[^1].IsContinuous ? steps.Count - 1 : null;
        bool Sounds(int? step, double frequency) => step is { } k && steps[k].Components.Any(c => c.Frequency == frequency);
        _fadeIn = steps.Select((step, i) => step.Components.Select(c => !Sounds(Previous(i), c.Frequency)).ToArray()).ToArray();
        _fadeOut = steps.Select((step, i) => step.Components.Select(c => !step.IsContinuous && !Sounds(Next(i), c.Frequency)).ToArray()).ToArray();
        SampleRate = sampleRate;
    }

    /// <summary>Output rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>The tone being rendered.</summary>
    public ToneDefinition Definition => _definition;

    /// <summary>True once a non-repeating tone has played all its steps.</summary>
    public bool IsFinished => _step >= _stepSamples.Length;

    /// <summary>Fills <paramref name="output"/>; returns the samples that belong to the tone (the rest is silence once it finished).</summary>
    public int Render(Span<short> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            while (!IsFinished && _inStep >= _stepSamples[_step])
            {
                _inStep = 0;
                _step++;
                if (_step == _stepSamples.Length && _definition.RepeatFrom >= 0)
                {
                    _step = _definition.RepeatFrom;
                }
            }

            if (IsFinished)
            {
                output[i..].Clear();
                return i;
            }

            double value = 0;
            var oscillators = _oscillators[_step];
            var amplitudes = _amplitudes[_step];
            var remaining = _stepSamples[_step] - _inStep - 1;
            for (var c = 0; c < oscillators.Length; c++)
            {
                var gain = 1.0;
                if (_fadeIn[_step][c] && _inStep < _ramp.Length)
                {
                    gain = _ramp[_inStep];
                }

                if (_fadeOut[_step][c] && remaining < _ramp.Length)
                {
                    gain = Math.Min(gain, _ramp[remaining]);
                }

                value += gain * amplitudes[c] * Math.Sin(_phase[oscillators[c]]);
            }

            output[i] = PcmLevel.Saturate(value);
            for (var o = 0; o < _phase.Length; o++)
            {
                _phase[o] += _phaseStep[o];
                if (_phase[o] > 2 * Math.PI)
                {
                    _phase[o] -= 2 * Math.PI;
                }
            }

            _inStep++;
        }

        return output.Length;
    }

    /// <summary>Restarts the tone from its first step (oscillator phases carry on).</summary>
    public void Restart()
    {
        _step = 0;
        _inStep = 0;
    }
}
