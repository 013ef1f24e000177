using Gateway.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Sip.Tests.Transport;

public class SipLogRateLimiterTests
{
    [Fact]
    public void ShouldLog_SameKeyWithinInterval_OnlyFirstAllowed()
    {
        var time = new FakeTimeProvider();
        var limiter = new SipLogRateLimiter(time, TimeSpan.FromMinutes(1));

        Assert.True(limiter.ShouldLog("1.2.3.4|stray"));
        Assert.False(limiter.ShouldLog("1.2.3.4|stray"));
        Assert.True(limiter.ShouldLog("5.6.7.8|stray"));
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(limiter.ShouldLog("1.2.3.4|stray"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.ShouldLog("1.2.3.4|stray"));
    }
}
