using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.NetworkServer;

namespace Gateway.Bench;

/// <summary>
/// The bench's network: Kamailio with the project's configuration and a fresh SQLite database, two demo subscribers
/// with their virtual card files, a third subscriber for the far-end caller, and A's default destination.
/// </summary>
internal sealed class BenchNetwork : IAsyncDisposable
{
    public const string DeviceId = "bench-1";
    public const int DeviceSurchargeCents = 50;

    /// <summary>A toll-free number outside the subscriber base: Kamailio sends it to the PSTN gateway (<see cref="PstnPort"/>).</summary>
    public const string TollFreeNumber = "18005550199";

    private BenchNetwork(NetworkServerProcess server, string cardDirectory, int voicemailPort, int pstnPort)
    {
        Server = server;
        CardDirectory = cardDirectory;
        VoicemailPort = voicemailPort;
        PstnPort = pstnPort;
    }

    public static DemoUser Alice { get; } = new("alice", "alice-bench-pw", "+15550100001", "Alice A.", "distinctive-2");

    public static DemoUser Bob { get; } = new("bob", "bob-bench-pw", "+15550100002", "Bob B.", "distinctive-3");

    public static DemoUser Carol { get; } = new("carol", "carol-bench-pw", "+15550100003", "Carol (caller)", "us-standard");

    /// <summary>Gets the subscriber the performance suite registers a plain baresip as, beside the gateway.</summary>
    public static DemoUser Dave { get; } = new("dave", "dave-bench-pw", "+15550100004", "Dave (baresip)", "us-standard");

    /// <summary>
    /// Gets the box's own account (<c>Gateway:Sip:BoxUser</c>), for calls without a card; only the gateways that are
    /// given it use it (the multi-call case), so the bench's cardless calls otherwise behave as on a box without one.
    /// </summary>
    public static DemoUser Box { get; } = new("bench-box", "bench-box-pw", "+15550100009", "Bench lobby phone", "us-standard");

    public NetworkServerProcess Server { get; }

    public string CardDirectory { get; }

    /// <summary>Gets the port of A's default destination (a voicemail stand-in the demo starts).</summary>
    public int VoicemailPort { get; }

    public string VoicemailUri => $"sip:voicemail@127.0.0.1:{VoicemailPort}";

    /// <summary>
    /// Gets the loopback port Kamailio relays numbers outside the subscriber base to (its PSTN gateway). Nothing
    /// listens there unless a case starts a far end on it (the multi-call case's SIPp).
    /// </summary>
    public int PstnPort { get; }

    public string CardFile(DemoUser user) => Path.Combine(CardDirectory, user.Username + ".json");

    public static async Task<BenchNetwork> StartAsync(BenchOptions options, CancellationToken ct)
    {
        var runDirectory = Path.Combine(options.RunDirectory, "network-server");
        if (Directory.Exists(runDirectory))
        {
            // Every bench run starts from the same state: no stale bindings, CDRs or subscribers.
            Directory.Delete(runDirectory, recursive: true);
        }

        var pstnPort = LoopbackPorts.GetFree();
        var server = await NetworkServerProcess.StartAsync(
            new NetworkServerOptions { Port = options.ServerPort, RunDirectory = runDirectory, UsrlocTimerSeconds = 5, PstnUri = $"sip:127.0.0.1:{pstnPort}" }, ct);
        try
        {
            var voicemailPort = LoopbackPorts.GetFree();
            var network = new BenchNetwork(server, Path.Combine(options.RunDirectory, "cards"), voicemailPort, pstnPort);
            await network.ProvisionAsync(ct);
            return network;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    private async Task ProvisionAsync(CancellationToken ct)
    {
        var subscribers = Server.CreateSubscriberStore();
        await subscribers.AddAsync(new NewSubscriber(Alice.Username, Alice.Password, Alice.FollowMeNumber, VoicemailUri), ct);
        await subscribers.AddAsync(new NewSubscriber(Bob.Username, Bob.Password, Bob.FollowMeNumber), ct);
        await subscribers.AddAsync(new NewSubscriber(Carol.Username, Carol.Password, Carol.FollowMeNumber), ct);
        await subscribers.AddAsync(new NewSubscriber(Dave.Username, Dave.Password, Dave.FollowMeNumber), ct);
        await subscribers.AddAsync(new NewSubscriber(Box.Username, Box.Password, Box.FollowMeNumber), ct);
        await Server.CreateDeviceSurchargeStore().SetAsync(DeviceId, DeviceSurchargeCents, "Bench lobby phone", ct);
        Directory.CreateDirectory(CardDirectory);
        foreach (var user in new[] { Alice, Bob })
        {
            await File.WriteAllTextAsync(CardFile(user), CardJson(user), ct);
        }
    }

    // A test personalization: the HA1 is in the file because the virtual card is the card. No PIN, so the tour
    // measures insert → registered without a person typing.
    private string CardJson(DemoUser user)
    {
        var realm = Server.Realm;
        var card = new JsonObject
        {
            ["kind"] = "Applet",
            ["protocol"] = "T1",
            ["ha1"] = new JsonObject
            {
                ["MD5"] = DigestHa1.Md5(user.Username, realm, user.Password),
                ["SHA-256"] = DigestHa1.Sha256(user.Username, realm, user.Password),
            },
            ["profile"] = new JsonObject
            {
                ["cardSerial"] = "BENCH-" + user.Username.ToUpperInvariant(),
                ["expiry"] = "2099-01-01",
                ["followMeNumber"] = user.FollowMeNumber,
                ["sipAor"] = $"sip:{user.Username}@{realm}",
                ["authUser"] = user.Username,
                ["realm"] = realm,
                ["displayName"] = user.DisplayName,
                ["registrarPrimary"] = $"sip:{Server.Address}:{Server.Port}",
                ["preferredCodecs"] = new JsonArray("PCMU", "PCMA"),
                ["ringCadence"] = user.RingCadence,
                ["defaultFilterAction"] = "Ring",
                ["callFilters"] = new JsonArray(),
                ["speedDials"] = new JsonArray(),
            },
        };
        return card.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
