namespace Gateway.Rtp.Tests;

public class RtpRandomTests
{
    [Fact]
    public void NewValues_DifferAcrossCalls()
    {
        var ssrcs = Enumerable.Range(0, 64).Select(_ => RtpRandom.NewSsrc()).Distinct().Count();
        var timestamps = Enumerable.Range(0, 64).Select(_ => RtpRandom.NewTimestamp()).Distinct().Count();
        Assert.True(ssrcs > 60);
        Assert.True(timestamps > 60);
        Assert.All(Enumerable.Range(0, 64), _ => Assert.True(RtpRandom.NewSequenceNumber() < 0x8000));
    }
}
