using System.Globalization;
using Gateway.NetworkServer.IntegrationTests.Sipp;

namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>
/// Starts a real Kamailio on a free loopback port with a fresh database for
/// each test, and stops it afterwards. Phones, the PSTN gateway and voicemail
/// are SIPp processes.
/// </summary>
public abstract class NetworkServerTestBase : IAsyncLifetime
{
    protected NetworkServerProcess Server { get; private set; } = null!;

    protected SubscriberStore Subscribers { get; private set; } = null!;

    /// <summary>Where the server sends calls to non-subscriber numbers.</summary>
    protected int PstnPort { get; } = LoopbackPorts.GetFree();

    protected string Remote => $"127.0.0.1:{Server.Port}";

    protected virtual NetworkServerOptions CreateOptions() => new()
    {
        PstnUri = $"sip:127.0.0.1:{PstnPort}",
        UsrlocTimerSeconds = 1,
    };

    public virtual async Task InitializeAsync()
    {
        Server = await NetworkServerProcess.StartAsync(CreateOptions());
        Subscribers = Server.CreateSubscriberStore();
    }

    public virtual async Task DisposeAsync() => await Server.DisposeAsync();

    protected Task<SippResult> RegisterAsync(string user, string password, string aor, int contactPort, int expires = 3600,
        string scenario = "register.xml", bool tcp = false) =>
        SippProcess.RunAsync(scenario, Remote, new Dictionary<string, string>
        {
            ["aor"] = aor,
            ["contact_port"] = contactPort.ToString(CultureInfo.InvariantCulture),
            ["expires"] = expires.ToString(CultureInfo.InvariantCulture),
        }, user, password, tcp: tcp);

    protected Task<SippResult> CallAsync(string caller, string password, string callee, string device = "lobby-1",
        string scenario = "uac-call.xml", int holdMilliseconds = 200) =>
        SippProcess.RunAsync(scenario, Remote, new Dictionary<string, string>
        {
            ["caller"] = caller,
            ["callee"] = callee,
            ["device"] = device,
        }, caller, password, holdMilliseconds);

    /// <summary>A phone (or gateway, or voicemail) that answers one call.</summary>
    protected static SippProcess StartPhone(int port, string scenario = "uas-answer.xml") =>
        SippProcess.Start(scenario, remote: null, port: port, timeout: TimeSpan.FromSeconds(15));

    protected void AssertSucceeded(SippResult result, string what)
    {
        Assert.True(result.Succeeded, $"{what} failed: {result}\n--- kamailio log (tail) ---\n{KamailioLogTail()}");
    }

    protected string KamailioLogTail()
    {
        var log = Server.ReadLog();
        return log.Length <= 6000 ? log : log[^6000..];
    }
}
