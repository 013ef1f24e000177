using Gateway.SmartCard.PcscLite;
using Gateway.VirtualCard;

namespace Gateway.SmartCard.IntegrationTests;

[Collection(PcscdGroup.Name)]
public sealed class PcscCardSessionHostTests(PcscdFixture pcscd)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Host_CardInsertedThenRemoved_StartsSessionThenEndsAndWipesIt()
    {
        pcscd.EnsureRunning();
        using (var context = PcscContext.Establish())
        {
            MonitorEvents.WaitUntilEmpty(context, PcscdFixture.Reader);
        }

        var asked = new List<int>();
        await using var host = new PcscCardSessionHost(new CardSessionFactory(), (tries, _) =>
        {
            asked.Add(tries);
            return ValueTask.FromResult<string?>(Cards.Pin);
        });
        host.Start();

        var connection = await VirtualCardConnection.ConnectAsync(Cards.Applet(), "127.0.0.1", PcscdFixture.VpcdPort, default);
        var started = await NextAsync(host);
        Assert.True(started.Session is not null, $"{started.Kind} {started.Reason}");
        Assert.Equal(Cards.Profile.FollowMeNumber, started.Session.FollowMeNumber);
        var challenge = Cards.Challenge("SHA-256");
        var response = (await started.Session!.DigestResponder.RespondAsync(challenge, default)).Response;
        await connection.DisposeAsync();
        var ended = await NextAsync(host);

        Assert.Equal(CardSessionEventKind.Started, started.Kind);
        Assert.Equal(PcscdFixture.Reader, started.ReaderName);
        Assert.Equal([3], asked);
        Assert.Equal(Cards.Expected("SHA-256", challenge), response);
        Assert.Equal(CardSessionEventKind.Ended, ended.Kind);
        Assert.True(started.Session.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => started.Session.FollowMeNumber);
    }

    [Fact]
    public async Task Host_ForeignCard_PublishesRejectedNotSupported()
    {
        pcscd.EnsureRunning();
        using (var context = PcscContext.Establish())
        {
            MonitorEvents.WaitUntilEmpty(context, PcscdFixture.Reader);
        }

        await using var host = new PcscCardSessionHost(new CardSessionFactory(), (_, _) => ValueTask.FromResult<string?>(null));
        host.Start();

        await using var connection = await VirtualCardConnection.ConnectAsync(Cards.Foreign(), "127.0.0.1", PcscdFixture.VpcdPort, default);
        var rejected = await NextAsync(host);

        Assert.Equal((CardSessionEventKind.Rejected, "not-supported"), (rejected.Kind, rejected.Reason));
    }

    private static async Task<CardSessionEvent> NextAsync(PcscCardSessionHost host) =>
        await host.Events.ReadAsync().AsTask().WaitAsync(s_wait);
}
