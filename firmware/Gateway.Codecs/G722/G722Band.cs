namespace Gateway.Codecs.G722;

/// <summary>
/// The adaptive predictor and scale factor of one sub-band (G.722 blocks 3 and 4). Encoder and decoder run the
/// same updates on the same quantized values, so their states stay equal without side information.
/// </summary>
internal sealed class G722Band
{
    private readonly int[] _b = new int[7];
    private readonly int[] _d = new int[7];
    private int _a1;
    private int _a2;
    private int _r1;
    private int _r2;
    private int _p1;
    private int _p2;
    private int _logScale;

    public G722Band(bool lower)
    {
        IsLower = lower;
        Scale = lower ? 32 : 8;
    }

    public bool IsLower { get; }

    /// <summary>The quantizer scale factor (DETL or DETH).</summary>
    public int Scale { get; private set; }

    /// <summary>The signal estimate (SL or SH) for the next sample.</summary>
    public int Estimate { get; private set; }

    /// <summary>The zero-section part of the estimate (SZL or SZH).</summary>
    private int ZeroEstimate { get; set; }

    public static int Saturate(int value) => Math.Clamp(value, short.MinValue, short.MaxValue);

    /// <summary>LOGSCL/LOGSCH then SCALEL/SCALEH: adapts the scale factor to the magnitude index of the last code.</summary>
    public void AdaptScale(int magnitudeIndex)
    {
        int limit, shiftBase;
        if (IsLower)
        {
            _logScale = ((_logScale * 32512) >> 15) + G722Tables.Wl[magnitudeIndex];
            limit = 18432;
            shiftBase = 8;
        }
        else
        {
            _logScale = ((_logScale * 32512) >> 15) + G722Tables.Wh[magnitudeIndex];
            limit = 22528;
            shiftBase = 10;
        }

        _logScale = Math.Clamp(_logScale, 0, limit);
        var mantissa = G722Tables.Ilb[(_logScale >> 6) & 31];
        var shift = shiftBase - (_logScale >> 11);
        var linear = shift < 0 ? mantissa << -shift : mantissa >> shift;
        Scale = linear << 2;
    }

    /// <summary>Block 4: reconstructs, adapts the pole and zero predictors with quantized difference d, and predicts.</summary>
    public void Update(int d)
    {
        var r = Saturate(Estimate + d);
        var p = Saturate(ZeroEstimate + d);

        // UPPOL2: second pole coefficient.
        var sameSign01 = (p ^ _p1) >= 0;
        var sameSign02 = (p ^ _p2) >= 0;
        var wd1 = Saturate(_a1 << 2);
        // Negating −32768 saturates to 32767 as in the recommendation's 16-bit arithmetic.
        var wd2 = Math.Min(sameSign01 ? -wd1 : wd1, short.MaxValue) >> 7;
        var wd3 = sameSign02 ? 128 : -128;
        var a2 = Math.Clamp(wd2 + wd3 + ((_a2 * 32512) >> 15), -12288, 12288);

        // UPPOL1: first pole coefficient, bounded by the second for stability.
        var a1 = Saturate((sameSign01 ? 192 : -192) + ((_a1 * 32640) >> 15));
        var bound = 15360 - a2;
        a1 = Math.Clamp(a1, -bound, bound);

        // UPZERO: the six zero coefficients follow the sign agreement of d with its past values.
        var step = d == 0 ? 0 : 128;
        for (var i = 6; i >= 1; i--)
        {
            var agree = (d ^ _d[i]) >= 0;
            _b[i] = Saturate((agree ? step : -step) + ((_b[i] * 32640) >> 15));
        }

        // DELAYA.
        for (var i = 6; i >= 2; i--)
        {
            _d[i] = _d[i - 1];
        }

        _d[1] = d;
        _r2 = _r1;
        _r1 = r;
        _p2 = _p1;
        _p1 = p;
        _a2 = a2;
        _a1 = a1;

        // FILTEP, FILTEZ, PREDIC.
        var poles = Saturate(((_a1 * Saturate(_r1 + _r1)) >> 15) + ((_a2 * Saturate(_r2 + _r2)) >> 15));
        var zeros = 0;
        for (var i = 1; i <= 6; i++)
        {
            zeros += (_b[i] * Saturate(_d[i] + _d[i])) >> 15;
        }

        ZeroEstimate = Saturate(zeros);
        Estimate = Saturate(poles + ZeroEstimate);
    }
}
