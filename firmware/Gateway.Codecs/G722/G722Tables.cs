namespace Gateway.Codecs.G722;

/// <summary>The constant tables of ITU-T G.722 (1988) as the recommendation lists them, for 64 kbit/s (mode 1).</summary>
internal static class G722Tables
{
    /// <summary>QMF coefficients h0..h23 (symmetric), scaled by 2^13.</summary>
    public static readonly int[] Qmf = [3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876, 3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3];

    /// <summary>Lower-band 6-bit quantizer decision levels (Q6), magnitudes for intervals 1..30.</summary>
    public static readonly int[] Q6 = [0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714, 786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919];

    /// <summary>Lower-band code for a negative difference in interval i.</summary>
    public static readonly int[] Iln = [0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4];

    /// <summary>Lower-band code for a positive difference in interval i.</summary>
    public static readonly int[] Ilp = [0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32];

    /// <summary>Lower-band 6-bit inverse quantizer output levels (QM6), by code.</summary>
    public static readonly int[] Qm6 =
    [
        -136, -136, -136, -136, -24808, -21904, -19008, -16704, -14984, -13512, -12280, -11192, -10232, -9360, -8576, -7856,
        -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576, -3168, -2776, -2400, -2032, -1688, -1360, -1040, -728,
        24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192, 10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456,
        4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032, 1688, 1360, 1040, 728, 432, 136, -432, -136,
    ];

    /// <summary>Lower-band 4-bit inverse quantizer (QM4) used for adaptation, by the code's top four bits.</summary>
    public static readonly int[] Qm4 = [0, -20456, -12896, -8968, -6288, -4240, -2584, -1200, 20456, 12896, 8968, 6288, 4240, 2584, 1200, 0];

    /// <summary>Maps a 4-bit lower-band code to its magnitude index for the log scale factor.</summary>
    public static readonly int[] Rl42 = [0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0];

    /// <summary>Lower-band log scale factor multipliers (WL).</summary>
    public static readonly int[] Wl = [-60, -30, 58, 172, 334, 538, 1198, 3042];

    /// <summary>Inverse log base 2 table (ILB) for the scale factors.</summary>
    public static readonly int[] Ilb =
    [
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    ];

    /// <summary>Higher-band 2-bit codes for negative (IHN) and positive (IHP) differences by interval.</summary>
    public static readonly int[] Ihn = [0, 1, 0];

    /// <summary>Higher-band 2-bit codes for positive differences by interval.</summary>
    public static readonly int[] Ihp = [0, 3, 2];

    /// <summary>Higher-band inverse quantizer (QM2), by code.</summary>
    public static readonly int[] Qm2 = [-7408, -1616, 7408, 1616];

    /// <summary>Maps a higher-band code to its magnitude index.</summary>
    public static readonly int[] Rh2 = [2, 1, 2, 1];

    /// <summary>Higher-band log scale factor multipliers (WH).</summary>
    public static readonly int[] Wh = [0, -214, 798];
}
