using System.Text.Json.Nodes;
using Gateway.Hardware;
using Gateway.Sip.Auth;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;
using Gateway.SmartCard;
using Gateway.Telephony.Accounts;
using Gateway.Telephony.Calls;
using Gateway.Telephony.Events;
using Gateway.Telephony.Stations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Telephony.Tests.Calls;

/// <summary>
/// A station with telephony attached, a real gateway SipUserAgent (5060) and a real far end (5080) on the loopback
/// network. The far end calls "sip:{contactUser}@127.0.0.1:5060"; the gateway routes by Request-URI user to the account.
/// </summary>
internal sealed class StationCallHarness : IIncomingCallHandler, IOutboundCallPlacer, IAsyncDisposable
{
    private readonly ChannelHardwareEventSink _sink = new(64);
    private readonly EventBus _bus = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Dictionary<string, FollowMeAccount> _routes = new(StringComparer.Ordinal);

    public StationCallHarness(CardRemovalPolicy removal = CardRemovalPolicy.KeepUntilHangup, bool attach = true, TimeSpan? offHookWarningAfter = null)
    {
        Ringer.IsOffHook = () => Hook.IsOffHook;
        Gateway = new SipNode(Network, Time, 5060, "gateway");
        Far = new SipNode(Network, Time, 5080, FarUser);
        Gateway.OnCall = OnIncomingCall;
        var devices = new StationDevices { HookSwitch = Hook, Ringer = Ringer, Display = Display };
        Events = _bus.Subscribe();
        Station = new Station(new StationIdentity("booth-1", "Booth", ["Reader A", "Reader B"], ["Insert card", "Emergency 911"]), devices, _sink.Reader, _bus, Time, NullLogger.Instance);
        Telephony = new StationTelephony(Audio, this, CreateCollector, new RingCadenceSelector(RingCadences.UsStandard), new PayPhonePolicy(["911"], ["18005550100"]))
        {
            CardRemoval = removal,
            OffHookWarningAfter = offHookWarningAfter ?? TimeSpan.FromSeconds(30),
        };
        if (attach)
        {
            Station.AttachTelephony(Telephony);
        }

        Station.Start();
        _loop = Station.RunAsync(_stop.Token);
    }

    public const string FarUser = "+15550001111";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public LoopbackSipNetwork Network { get; } = new();

    public SipNode Gateway { get; }

    public SipNode Far { get; }

    public FakeHookSwitch Hook { get; } = new();

    public FakeRinger Ringer { get; } = new();

    public FakeDisplay Display { get; } = new();

    public FakeStationAudio Audio { get; } = new();

    public EventSubscription Events { get; }

    public Station Station { get; }

    public StationTelephony Telephony { get; }

    public List<FakeDigitCollector> Collectors { get; } = [];

    public List<(string Dialled, FollowMeAccount? Account)> Placed { get; } = [];

    public List<SipOutgoingCall> Outgoing { get; } = [];

    public bool PlacerThrows { get; set; }

    public FakeDigitCollector Collector => Collectors[^1];

    public static FollowMeAccount Account(string name, string number, AccountProfile? profile = null, string reader = "Reader A") => new()
    {
        Reader = reader,
        StationId = "booth-1",
        DisplayName = name,
        FollowMeNumber = number,
        Aor = $"sip:{name.ToLowerInvariant()}@127.0.0.1",
        ContactUser = "c" + Guid.NewGuid().ToString("N")[..12],
        Profile = profile ?? new AccountProfile { FollowMeNumber = number, DisplayName = name },
        Authenticator = new DigestAuthenticator(name.ToLowerInvariant(), new NoResponder()),
    };

    /// <summary>Inserts a card: the account is at the station and reachable from the far end.</summary>
    public FollowMeAccount Insert(FollowMeAccount account)
    {
        lock (_routes)
        {
            _routes[account.ContactUser] = account;
        }

        Assert.True(Station.SetAccount(account.Reader, account));
        return account;
    }

    /// <summary>The far end calls the account's contact at the gateway.</summary>
    public SipOutgoingCall CallFromFar(FollowMeAccount account)
    {
        return Far.Agent.Call(Gateway.UriFor(account.ContactUser), SipNode.Sdp(FakeCallMedia.OfferSdp));
    }

    public void OffHook()
    {
        Hook.IsOffHook = true;
        _sink.Publish(new HookChanged(Time.GetUtcNow(), true));
    }

    public void OnHook()
    {
        Hook.IsOffHook = false;
        _sink.Publish(new HookChanged(Time.GetUtcNow(), false));
    }

    public void Flash() => _sink.Publish(new HookFlash(Time.GetUtcNow(), TimeSpan.FromMilliseconds(500)));

    public void Keys(string keys)
    {
        foreach (var key in keys)
        {
            _sink.Publish(new KeyPressed(Time.GetUtcNow(), key));
        }
    }

    public void Pulse(char digit) => _sink.Publish(new PulseDigitDialed(Time.GetUtcNow(), digit));

    public async Task<GatewayEvent> NextAsync(string type, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var next = await Events.Reader.ReadAsync(cts.Token);
                seen.Add(next.Type);
                if (next.Type == type)
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no {type} event; saw: {string.Join(", ", seen)}");
        }
    }

    /// <summary>Waits until the station's loop has handled everything queued before now.</summary>
    public async Task SettleAsync()
    {
        // A coin event goes through the same queue; when it is published, everything before it is done.
        await Task.Delay(20);
        _sink.Publish(new CoinInserted(Time.GetUtcNow(), 0));
        await NextAsync("coin");
    }

    public async Task<GatewayEvent> DialAsync(string keys)
    {
        OffHook();
        await NextAsync("hook.off");
        Keys(keys);
        return await NextAsync("call.outgoing");
    }

    public void OnIncomingCall(SipIncomingCall incomingCall)
    {
        FollowMeAccount? account;
        lock (_routes)
        {
            _routes.TryGetValue(incomingCall.Request.RequestUri.ToString().Split(':', '@')[1], out account);
        }

        if (account is null)
        {
            incomingCall.Reject(404);
            return;
        }

        Station.OfferCall(incomingCall, account);
    }

    public SipOutgoingCall Place(string stationId, string dialled, FollowMeAccount? account, string offerSdp)
    {
        if (PlacerThrows)
        {
            throw new InvalidOperationException("not registered");
        }

        lock (Placed)
        {
            Placed.Add((dialled, account));
        }

        var call = Gateway.Agent.Call(Far.UriFor(dialled), SipNode.Sdp(offerSdp));
        lock (Outgoing)
        {
            Outgoing.Add(call);
        }

        return call;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        Events.Dispose();
        Station.Dispose();
        _stop.Dispose();
    }

    public static JsonObject Data(GatewayEvent e) => e.Data!;

    private FakeDigitCollector CreateCollector(FollowMeAccount? account)
    {
        var collector = new FakeDigitCollector(account);
        lock (Collectors)
        {
            Collectors.Add(collector);
        }

        return collector;
    }

    private sealed class NoResponder : IDigestResponder
    {
        public bool MayBlock => false;

        public bool Supports(DigestHashFunction hash) => false;

        public ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct) =>
            throw new NotSupportedException();
    }
}
