using Gateway.Sip.Registration;

namespace Gateway.Sip.Tests.Registration;

public sealed class RegistrationBackoffTests
{
    private static readonly RegistrationBackoff s_backoff = new()
    {
        Base = TimeSpan.FromSeconds(30), Max = TimeSpan.FromSeconds(1800), RandomFactor = 0.5,
    };

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    [InlineData(7, 1800)]
    [InlineData(1000, 1800)]
    public void Delay_NoJitter_DoublesUpToMax(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), s_backoff.Delay(failures, 0.0));

    [Fact]
    public void Delay_Jittered_StaysBetweenHalfAndFull()
    {
        var random = new Random(42);
        for (var failures = 1; failures <= 12; failures++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Min(1800, 30 * Math.Pow(2, failures - 1)));
            var seen = new HashSet<TimeSpan>();
            for (var i = 0; i < 50; i++)
            {
                var delay = s_backoff.Delay(failures, random.NextDouble());
                Assert.InRange(delay, ceiling / 2, ceiling);
                seen.Add(delay);
            }

            Assert.True(seen.Count > 40, "the jitter should spread the waits");
        }
    }

    [Fact]
    public void Delay_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_backoff.Delay(0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_backoff.Delay(1, 1.0));
    }

    [Fact]
    public async Task Client_RepeatedFailures_GrowJitteredAndResetOnSuccess()
    {
        await using var h = new RegistrationHarness();
        var failing = true;
        h.Registrar.Override = r => failing ? FakeRegistrar.Response(r, 503) : null;
        var randoms = new Queue<double>([0.2, 0.9, 0.5, 0.0]);
        var client = h.Start(h.Options(), random: () => randoms.Dequeue());
        var waits = new List<TimeSpan>();

        for (var failures = 1; failures <= 3; failures++)
        {
            var n = failures;
            var status = await RegistrationHarness.WaitAsync(client, s => s.State == RegistrationState.Failed && s.ConsecutiveFailures == n);
            Assert.Equal(503, status.StatusCode);
            waits.Add(status.RetryAt!.Value - h.Time.GetUtcNow());
            if (failures < 3)
            {
                await h.AdvanceAsync(status.RetryAt!.Value - h.Time.GetUtcNow());
            }
        }

        // 30 s × (1 − 0.5 × 0.2), 60 s × (1 − 0.5 × 0.9), 120 s × (1 − 0.5 × 0.5).
        Assert.Equal([TimeSpan.FromSeconds(27), TimeSpan.FromSeconds(33), TimeSpan.FromSeconds(90)], waits);

        failing = false;
        await h.AdvanceAsync(waits[2]);
        await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);
        Assert.Equal(0, client.Status.ConsecutiveFailures);
        failing = true;
        var refreshAt = client.Status.RetryAt!.Value;
        await h.AdvanceAsync(refreshAt - h.Time.GetUtcNow(), TimeSpan.FromSeconds(30));
        var again = await RegistrationHarness.WaitAsync(client, s => s.State == RegistrationState.Failed);

        Assert.Equal(1, again.ConsecutiveFailures);
        Assert.Equal(TimeSpan.FromSeconds(30), again.RetryAt!.Value - h.Time.GetUtcNow());
    }
}
