using BenchmarkDotNet.Attributes;
using Gateway.Dsp.Dtmf;
using Gateway.Dsp.Fax;
using Gateway.Dsp.Tones;

namespace Gateway.Benchmarks;

/// <summary>
/// Per 20 ms frame on an FXS port: DTMF detection at 8 and 16 kHz over a signal that alternates digits and
/// silence (so evaluation and digit events are included), fax tone detection, and rendering a call-progress tone.
/// Each must allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class DspBenchmarks
{
    private readonly DtmfDetector _dtmf8k = new(8000);
    private readonly DtmfDetector _dtmf16k = new(16000);
    private readonly FaxToneDetector _fax = new(8000);
    private readonly ToneGenerator _ringback = new(TonePlans.UnitedStates[ToneKind.Ringback], 8000);
    private readonly short[] _frame = new short[160];
    private short[] _signal8k = [];
    private short[] _signal16k = [];
    private int _offset8k;
    private int _offset16k;

    [GlobalSetup]
    public void Setup()
    {
        _signal8k = DtmfGenerator.RenderDigits("0123456789*#ABCD", 8000);
        _signal16k = DtmfGenerator.RenderDigits("0123456789*#ABCD", 16000);
    }

    [Benchmark]
    public int DtmfDetect8kFrame()
    {
        _dtmf8k.Process(_signal8k.AsSpan(_offset8k, 160));
        _offset8k = (_offset8k + 160) % (_signal8k.Length - 160);
        return _dtmf8k.TryGetDigit(out var digit) ? digit.Digit : 0;
    }

    [Benchmark]
    public int DtmfDetect16kFrame()
    {
        _dtmf16k.Process(_signal16k.AsSpan(_offset16k, 320));
        _offset16k = (_offset16k + 320) % (_signal16k.Length - 320);
        return _dtmf16k.TryGetDigit(out var digit) ? digit.Digit : 0;
    }

    [Benchmark]
    public int FaxToneDetect8kFrame()
    {
        _fax.Process(_signal8k.AsSpan(_offset8k, 160));
        _offset8k = (_offset8k + 160) % (_signal8k.Length - 160);
        return _fax.TryGetEvent(out var e) ? (int)e.Tone : -1;
    }

    [Benchmark]
    public int RingbackRender8kFrame() => _ringback.Render(_frame);
}
