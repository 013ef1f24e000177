using System.Globalization;

namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>One impairment profile's result for both receivers.</summary>
/// <param name="Trace">The trace both got.</param>
/// <param name="Ours">Our playout, judged.</param>
/// <param name="Baresip">baresip's playout, judged.</param>
/// <param name="OursStats">Our jitter buffer's webrtc-stats at the end.</param>
/// <param name="BaresipDebug">baresip's audio_debug (jbuf and aubuf state) at the end.</param>
/// <param name="Forwarded">Packets the relay delivered (to each receiver).</param>
internal sealed record ComparisonRow(ImpairmentTrace Trace, PlayoutFigures Ours, PlayoutFigures Baresip, Streams.JitterBufferSnapshot OursStats, string BaresipDebug, long Forwarded)
{
    /// <summary>webrtc-stats concealment ratio: concealedSamples / totalSamplesReceived.</summary>
    public double OursStatsConcealment => OursStats.TotalSamplesReceived == 0 ? double.NaN : (double)OursStats.ConcealedSamples / OursStats.TotalSamplesReceived;

    /// <summary>webrtc-stats average buffering: jitterBufferDelay / jitterBufferEmittedCount, ms.</summary>
    public double OursStatsDelayMs => OursStats.JitterBufferEmittedCount == 0 ? double.NaN : OursStats.JitterBufferDelay * 1000 / OursStats.JitterBufferEmittedCount;

    public static string F(double value, string format = "F1") => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ratio(double ours, double theirs) => theirs == 0 || double.IsNaN(ours) || double.IsNaN(theirs) ? "n/a" : (ours / theirs).ToString("F2", CultureInfo.InvariantCulture);
}
