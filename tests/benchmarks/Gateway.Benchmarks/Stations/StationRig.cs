using System.Net;
using Gateway.Hardware;
using Gateway.Hardware.Simulated;
using Gateway.Media;
using Gateway.Media.Devices.Null;
using Gateway.Media.Sessions;
using Gateway.SmartCard;
using Gateway.Sip.Auth;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;
using Gateway.Telephony.Accounts;
using Gateway.Telephony.Calls;
using Gateway.Telephony.DialPlans;
using Gateway.Telephony.Stations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks.Stations;

/// <summary>
/// One station put together the way the gateway's host does it (SipService, StationTelephonyFactory, StationFactory),
/// on real time and real sockets: simulated hook switch, keypad, ringer and display; the real digit collector and dial
/// plan; <see cref="StationAudio"/> on a null audio device (real RTP sockets); a real <see cref="SipUserAgent"/> on a
/// UDP socket on 127.0.0.1 with <see cref="IncomingCallRouter"/>, <see cref="AccountDirectory"/> and
/// <see cref="SipOutboundCallPlacer"/>, whose outbound proxy is <see cref="Far"/>. A card account sits in reader A.
/// </summary>
/// <remarks>
/// The unit-test harness (Gateway.Telephony.Tests StationCallHarness) cannot serve here: it runs on fake time, an
/// in-process network and a fake placer and collector, which are exactly the parts whose cost is being measured.
/// </remarks>
internal sealed class StationRig : IAsyncDisposable
{
    public const string StationId = "station-1";
    public const string Reader = "Reader A";

    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);
    private readonly ChannelHardwareEventSink _sink = new(256);
    private readonly SipStackHost _stack;
    private readonly StationAudio _audio;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StationRig()
    {
        var time = TimeProvider.System;
        Hook = new SimulatedHookSwitch(new HookSwitchSettings(), _sink, time);
        Keypad = new SimulatedKeypad(_sink, time, keyDebounce: TimeSpan.Zero);
        var devices = new StationDevices
        {
            HookSwitch = Hook,
            Ringer = new SimulatedRinger(time, () => Hook.IsOffHook),
            Keypad = Keypad,
            Display = new SimulatedDisplay(),
        };
        Station = new Station(new StationIdentity(StationId, "Bench", [Reader], ["Insert card", "Emergency 911"]), devices, _sink.Reader, Events, time, NullLogger.Instance);

        var udp = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        Contact = udp.LocalEndPoint;
        var directory = new AccountDirectory();
        var router = new IncomingCallRouter(directory, id => id == StationId ? Station : null);
        var domain = $"127.0.0.1:{Far.Address.Port}";
        var agent = new SipUserAgent(
            new SipUserAgentOptions { Local = new SipEndPoint(SipTransportKind.Udp, Contact), User = "gateway", Domain = "127.0.0.1", OutboundProxy = new SipEndPoint(SipTransportKind.Udp, Far.Address) },
            router);
        _stack = SipStackHost.Create([udp], agent, new SipStackOptions { TimeProvider = time, Validator = SipUserAgent.CreateValidator() });
        agent.Attach(_stack.Transactions);
        var placer = new SipOutboundCallPlacer(agent, new OutboundCallOptions { Domain = domain, DeviceId = "bench-1", EmergencyNumbers = new HashSet<string>(["911"], StringComparer.Ordinal) });

        _audio = new StationAudio(new StationAudioOptions { Device = new NullAudioDevice(AudioFormat.ForFrameMs(8000, 20)), LocalRtpAddress = IPAddress.Loopback, TimeProvider = time });
        var map = DigitMap.Parse(DialPlan.DefaultMapText);
        Station.AttachTelephony(new StationTelephony(
            _audio,
            placer,
            account => new DigitCollector(new DialPlan(map, ["911"], ["611"], account?.Profile.SpeedDials), time),
            new RingCadenceSelector(RingCadences.UsStandard),
            new PayPhonePolicy(["911"], ["611"])));

        Account = new FollowMeAccount
        {
            Reader = Reader,
            StationId = StationId,
            DisplayName = "Alice",
            FollowMeNumber = "+15550100001",
            Aor = "sip:alice@127.0.0.1",
            ContactUser = "alice-bench",
            Profile = new AccountProfile { FollowMeNumber = "+15550100001", DisplayName = "Alice", SipAor = "sip:alice@127.0.0.1" },
            Authenticator = new DigestAuthenticator("alice", new PasswordDigestResponder("alice", "unused")),
        };
        directory.Add(Account);
        Station.SetCardPresent(Reader, true);
        Station.SetAccount(Reader, Account);
        Station.Start();
        _loop = Station.RunAsync(_stop.Token);
    }

    public EventTap Events { get; } = new();

    public RawSipFarEnd Far { get; } = new();

    public SimulatedHookSwitch Hook { get; }

    public SimulatedKeypad Keypad { get; }

    public Station Station { get; }

    public FollowMeAccount Account { get; }

    /// <summary>Gets the gateway's SIP socket (the Contact of the account).</summary>
    public IPEndPoint Contact { get; }

    /// <summary>Gets the URI the network calls the card's user at.</summary>
    public string AccountUri => $"sip:{Account.ContactUser}@127.0.0.1:{Contact.Port}";

    /// <summary>Lifts the handset and waits for the debounced hook.off (dial tone).</summary>
    public void OffHook() => SetHook(offHook: true);

    /// <summary>Hangs up and waits for the debounced hook.on.</summary>
    public void OnHook() => SetHook(offHook: false);

    /// <summary>Presses keys and waits until the station has taken the last one.</summary>
    public void Keys(string keys)
    {
        foreach (var key in keys)
        {
            Events.Expect("key");
            Keypad.Press(key);
            Events.Wait(s_wait);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.WaitAsync(s_wait);
        Station.Dispose();
        await _stack.DisposeAsync();
        await _audio.DisposeAsync();
        Far.Dispose();
        Events.Dispose();
        _stop.Dispose();
    }

    private void SetHook(bool offHook)
    {
        if (Hook.IsOffHook == offHook)
        {
            return;
        }

        Events.Expect(offHook ? "hook.off" : "hook.on");
        Hook.SetRawLevel(offHook);
        Events.Wait(s_wait);
    }
}
