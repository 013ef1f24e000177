namespace Gateway.Rtp.Tests;

public class RtpReceiverStatisticsTests
{
    [Fact]
    public void Update_InOrder_NoLossAfterProbation()
    {
        var stats = new RtpReceiverStatistics();
        Assert.False(stats.Update(100, 0, 0));
        for (ushort s = 101; s < 200; s++)
        {
            Assert.True(stats.Update(s, (uint)((s - 100) * 160), (uint)((s - 100) * 160)));
        }

        Assert.Equal(99, stats.PacketsReceived);
        Assert.Equal(0, stats.PacketsLost);
        Assert.Equal(0u, stats.Jitter);
    }

    [Fact]
    public void Update_SequenceWrap_CountsCycle()
    {
        var stats = new RtpReceiverStatistics();
        for (var i = 0; i < 20; i++)
        {
            stats.Update((ushort)(65530 + i), 0, 0);
        }

        Assert.Equal(0x0001_0000u + 13, stats.ExtendedHighestSequence);
        Assert.Equal(0, stats.PacketsLost);
    }

    [Fact]
    public void Update_EveryFifthLost_FractionAndCumulative()
    {
        var stats = new RtpReceiverStatistics();
        for (ushort s = 1; s <= 101; s++)
        {
            if (s % 5 != 0)
            {
                stats.Update(s, s * 160u, s * 160u);
            }
        }

        // Expected from seq 2 (probation) to 101: 100; received 80 − 1 counted during probation → lost 20.
        Assert.Equal(20, stats.PacketsLost);
        var block = stats.CreateReportBlock(7, 0, 0);
        Assert.Equal(20, block.CumulativeLost);
        Assert.Equal(51, block.FractionLost); // 20/100 × 256
        Assert.Equal(101u, block.ExtendedHighestSequence);

        // Next interval without loss reports fraction 0 but keeps the cumulative count.
        for (ushort s = 102; s <= 150; s++)
        {
            stats.Update(s, s * 160u, s * 160u);
        }

        var next = stats.CreateReportBlock(7, 0, 0);
        Assert.Equal(0, next.FractionLost);
        Assert.Equal(20, next.CumulativeLost);
    }

    [Fact]
    public void Update_Duplicates_MakeLossNegative()
    {
        var stats = new RtpReceiverStatistics();
        for (ushort s = 1; s <= 10; s++)
        {
            stats.Update(s, 0, 0);
            if (s > 2)
            {
                stats.Update(s, 0, 0);
            }
        }

        Assert.True(stats.PacketsLost < 0);
    }

    [Fact]
    public void Update_ConstantTransitAlternating_JitterConvergesToSwing()
    {
        // Arrival alternates 0 and +40 units around the media clock: |D| is always 40, so J → 40 (A.8).
        var stats = new RtpReceiverStatistics();
        for (ushort s = 0; s < 1000; s++)
        {
            var ts = s * 160u;
            stats.Update(s, ts, ts + 1000 + (s % 2 == 0 ? 0u : 40u));
        }

        Assert.InRange(stats.Jitter, 39u, 40u);
    }

    [Fact]
    public void Update_BigJumpThenSequential_Resyncs()
    {
        var stats = new RtpReceiverStatistics();
        for (ushort s = 1; s <= 10; s++)
        {
            stats.Update(s, 0, 0);
        }

        Assert.False(stats.Update(30000, 0, 0));
        Assert.True(stats.Update(30001, 0, 0));
        Assert.Equal(30001u, stats.ExtendedHighestSequence);
        Assert.Equal(0, stats.PacketsLost);
    }
}
