namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>What <see cref="PlayoutAnalysis"/> found in one receiver's playout.</summary>
/// <param name="Cycles">Source cycles sent.</param>
/// <param name="CyclesFound">Cycles whose tone onset was found in the playout.</param>
/// <param name="Delays">Added delay of each cycle whose onset packet arrived: arrival at the receiver's socket → onset handed to the audio device, ms.</param>
/// <param name="Windows">10 ms windows judged inside the tone spans.</param>
/// <param name="SilentWindows">Judged windows that were (near) silent: nothing played.</param>
/// <param name="DistortedWindows">Judged windows with sound that is not the continuing tone (splice, fade, repeated or wrong waveform).</param>
internal sealed record PlayoutFigures(int Cycles, int CyclesFound, IReadOnlyList<double> Delays, int Windows, int SilentWindows, int DistortedWindows)
{
    public int DefectWindows => SilentWindows + DistortedWindows;

    /// <summary>Share of judged windows that are not the clean continuing tone.</summary>
    public double DefectRatio => Windows == 0 ? double.NaN : (double)DefectWindows / Windows;

    public double DelayMedianMs => Percentile(0.5);

    public double DelayP95Ms => Percentile(0.95);

    public double DelayMeanMs => Delays.Count == 0 ? double.NaN : Delays.Average();

    private double Percentile(double p)
    {
        if (Delays.Count == 0)
        {
            return double.NaN;
        }

        var sorted = Delays.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * sorted.Length))];
    }
}
