using System.Net;
using Gateway.Sip.Registration;
using Gateway.Sip.Transport;
using Gateway.SmartCard;
using Gateway.Telephony.Accounts;
using Gateway.Telephony.Events;

namespace Gateway.Telephony.Tests.Sip;

public sealed class AccountServiceTests
{
    private static readonly SipServerAddress s_registrar = new("sip:127.0.0.1:5070", new SipEndPoint(SipTransportKind.Udp, SipTestNetwork.PeerAddress));
    private readonly SipTestNetwork _net = new();
    private readonly EventBus _events;
    private readonly List<IReadOnlyList<string>> _display = [];

    public AccountServiceTests() => _events = new EventBus();

    private AccountService Create(SipServerAddress? registrar = null) => new(
        new AccountDirectory(),
        _net.Registrations,
        new AccountRegistrarOptions
        {
            ContactHostPort = "127.0.0.1:5060",
            DefaultRegistrar = registrar,
            Backoff = new RegistrationBackoff { Base = TimeSpan.FromSeconds(5), Max = TimeSpan.FromSeconds(20), RandomFactor = 0 },
            RefusedBackoff = new RegistrationBackoff { Base = TimeSpan.FromMinutes(10), Max = TimeSpan.FromHours(1), RandomFactor = 0 },
        },
        _events,
        _net.Time);

    [Fact]
    public async Task Add_RegistrarAccepts_RegisteringThenRegisteredWithContactAndDisplay()
    {
        _net.Answer = SipTestNetwork.Registrar;
        using var events = _events.Subscribe();
        var service = Create(s_registrar);
        var alice = SipTestNetwork.Account();

        service.Add(alice, _display.Add);

        var registered = await WaitForAsync(events, "registration.registered");
        Assert.Equal(600, (int)registered.Data!["expiresIn"]!);
        Assert.Equal("T. alice", (string?)registered.Data["user"]);
        var register = Assert.Single(_net.Requests("REGISTER"));
        Assert.Equal($"sip:{alice.ContactUser}@127.0.0.1:5060", register.Contact!.Items[0].Uri.Text.ToString());
        Assert.Equal("sip:127.0.0.1:5070", register.RequestUriText.ToString());
        Assert.Equal(["T. alice", "Registering"], _display[0]);
        Assert.Equal(["T. alice", "+15551230001"], _display[^1]);
        var snapshot = Assert.Single(service.Snapshot("station-1"));
        Assert.Equal("registered", snapshot.Registration!.State);
        Assert.Equal(600, snapshot.Registration.ExpiresInSeconds);
    }

    [Fact]
    public async Task Add_CardNamesItsOwnRegistrar_UsedInsteadOfTheDefault()
    {
        _net.Answer = SipTestNetwork.Registrar;
        using var events = _events.Subscribe();
        var service = Create(new SipServerAddress("sip:127.0.0.9:5099", new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.9"), 5099))));
        var profile = new AccountProfile { FollowMeNumber = "+15551230001", SipAor = "sip:alice@127.0.0.1", AuthUser = "alice", Realm = "127.0.0.1", RegistrarPrimary = "sip:127.0.0.1:5070" };

        service.Add(SipTestNetwork.Account(profile: profile), _display.Add);

        await WaitForAsync(events, "registration.registered");
        Assert.Single(_net.Requests("REGISTER"));
    }

    [Theory]
    [InlineData(403, "Card refused")]
    [InlineData(404, "Card refused")]
    [InlineData(503, "No service")]
    public async Task Add_RegistrarFails_DisplaySaysWhy(int status, string text)
    {
        _net.Answer = r => SipTestNetwork.Response(r, status);
        using var events = _events.Subscribe();
        var service = Create(s_registrar);

        service.Add(SipTestNetwork.Account(), _display.Add);

        var failed = await WaitForAsync(events, "registration.failed");
        Assert.Equal(status, (int)failed.Data!["status"]!);
        Assert.NotNull((string?)failed.Data["retryAt"]);
        Assert.Equal(["T. alice", text], _display[^1]);
    }

    [Fact]
    public async Task Add_NoRegistrarAnywhere_FailedEventAndNoService()
    {
        using var events = _events.Subscribe();
        var service = Create();

        service.Add(SipTestNetwork.Account(), _display.Add);

        var failed = await WaitForAsync(events, "registration.failed");
        Assert.Contains("no registrar", (string?)failed.Data!["reason"], StringComparison.Ordinal);
        Assert.Equal(["T. alice", "No service"], _display[^1]);
        Assert.Empty(_net.Requests("REGISTER"));
    }

    [Fact]
    public async Task Remove_OutOfTheDirectoryAtOnce_UnregisteredThenWiped()
    {
        _net.Answer = SipTestNetwork.Registrar;
        using var events = _events.Subscribe();
        var service = Create(s_registrar);
        var alice = SipTestNetwork.Account();
        service.Add(alice, _display.Add);
        await WaitForAsync(events, "registration.registered");
        var shown = _display.Count;

        var removal = service.RemoveAsync(alice.Reader);
        Assert.Null(service.Directory.FindByContactUser(alice.ContactUser));
        Assert.True(await removal);

        Assert.True(alice.IsWiped);
        var unregistered = await WaitForAsync(events, "registration.unregistered");
        Assert.Equal(200, (int)unregistered.Data!["status"]!);
        var last = _net.Requests("REGISTER")[^1];
        Assert.Equal(0u, last.Expires);
        Assert.Empty(service.Snapshot("station-1"));
        Assert.Equal(shown, _display.Count);
        Assert.False(await service.RemoveAsync(alice.Reader));
    }

    [Fact]
    public async Task Add_SameUserInTwoStations_BothRegisterOwnContactAndInstance_RemovingOneUnregistersOnlyIt()
    {
        _net.Answer = SipTestNetwork.Registrar;
        using var events = _events.Subscribe();
        var service = Create(s_registrar);
        var first = SipTestNetwork.Account();
        var second = SipTestNetwork.Account(reader: "reader-1", station: "station-2");
        service.Add(first, _display.Add);
        await WaitForAsync(events, "registration.registered");

        service.Add(second, _display.Add);

        var registered = await WaitForAsync(events, "registration.registered");
        Assert.Equal("station-2", registered.StationId);
        var registers = _net.Requests("REGISTER");
        Assert.Equal(2, registers.Count);
        var contacts = registers.Select(r => r.Contact!.Items[0]).ToList();
        Assert.Equal($"sip:{first.ContactUser}@127.0.0.1:5060", contacts[0].Uri.Text.ToString());
        Assert.Equal($"sip:{second.ContactUser}@127.0.0.1:5060", contacts[1].Uri.Text.ToString());
        Assert.Equal($"<{ContactInstance.For("127.0.0.1:5060", "station-1", "reader-0")}>", contacts[0].SipInstance);
        Assert.Equal($"<{ContactInstance.For("127.0.0.1:5060", "station-2", "reader-1")}>", contacts[1].SipInstance);
        Assert.NotEqual(contacts[0].SipInstance, contacts[1].SipInstance);
        Assert.Equal("registered", Assert.Single(service.Snapshot("station-2")).Registration!.State);

        Assert.True(await service.RemoveAsync(first.Reader));

        var unregister = _net.Requests("REGISTER")[^1];
        Assert.Equal($"sip:{first.ContactUser}@127.0.0.1:5060", unregister.Contact!.Items[0].Uri.Text.ToString());
        Assert.Equal(0u, unregister.Contact.Items[0].Expires);
        Assert.Equal("registered", Assert.Single(service.Snapshot("station-2")).Registration!.State);
        Assert.Equal(1, service.Directory.Count);
    }

    [Fact]
    public void ContactInstance_StablePerBoxStationAndReader_DifferentOtherwise()
    {
        var one = ContactInstance.For("lobby-7", "station-1", "Virtual PCD 00 00");

        Assert.Equal(one, ContactInstance.For("lobby-7", "station-1", "Virtual PCD 00 00"));
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", one);
        Assert.NotEqual(one, ContactInstance.For("lobby-7", "station-2", "Virtual PCD 00 00"));
        Assert.NotEqual(one, ContactInstance.For("lobby-7", "station-1", "Virtual PCD 00 01"));
        Assert.NotEqual(one, ContactInstance.For("lobby-8", "station-1", "Virtual PCD 00 00"));
        Assert.NotEqual(ContactInstance.For("a b", "c", "r"), ContactInstance.For("a", "b c", "r"));
    }

    private static async Task<GatewayEvent> WaitForAsync(EventSubscription events, string type)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var e in events.Reader.ReadAllAsync(cts.Token))
        {
            if (e.Type == type)
            {
                return e;
            }
        }

        throw new TimeoutException(type);
    }
}
