namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>
/// The per-packet decisions of one <see cref="ImpairmentProfile"/>, drawn up front: packet i of a stream (counted
/// from its first RTP sequence number) is dropped or delayed by exactly the same amount on every leg and in every run
/// with the same seed, whatever order or timing the packets arrive in.
/// </summary>
internal sealed class ImpairmentTrace
{
    private readonly bool[] _dropped;
    private readonly double[] _delayMs;

    public ImpairmentTrace(ImpairmentProfile profile, int packets)
    {
        Profile = profile;
        _dropped = new bool[packets];
        _delayMs = new double[packets];
        var random = new Random(profile.Seed);
        var bad = false;
        for (var i = 0; i < packets; i++)
        {
            // Draw every number for every packet so one decision never shifts the draws of the next.
            var lossDraw = random.NextDouble();
            var stateDraw = random.NextDouble();
            var delayDraw = random.NextDouble();
            bad = bad ? stateDraw >= profile.BurstExit : stateDraw < profile.BurstEnter;
            _dropped[i] = bad || lossDraw < profile.Loss;
            _delayMs[i] = profile.DelayMs + (delayDraw * profile.JitterMs);
        }
    }

    public ImpairmentProfile Profile { get; }

    public int Length => _dropped.Length;

    public bool IsDropped(int index) => _dropped[index];

    public double DelayMs(int index) => _delayMs[index];

    public int DroppedCount => _dropped.Count(d => d);

    /// <summary>Packets delivered after a packet sent later than them (by the trace's delays, 20 ms apart).</summary>
    public int ReorderedCount(double frameMs)
    {
        var count = 0;
        var latestDue = double.MinValue;
        for (var i = 0; i < Length; i++)
        {
            if (_dropped[i])
            {
                continue;
            }

            var due = (i * frameMs) + _delayMs[i];
            if (due < latestDue)
            {
                count++;
            }

            latestDue = Math.Max(latestDue, due);
        }

        return count;
    }
}
