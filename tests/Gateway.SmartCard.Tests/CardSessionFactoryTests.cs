using System.Reflection;
using Gateway.VirtualCard;
using Microsoft.Extensions.Time.Testing;
using Gateway.Sip.Auth;

namespace Gateway.SmartCard.Tests;

public class CardSessionFactoryTests
{
    private static readonly FakeTimeProvider s_clock = new(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task CreateAsync_AppletWithCorrectPin_ReturnsSessionWithProfile()
    {
        var asked = new List<int>();
        var result = await Factory().CreateAsync(Transceiver(TestCards.Applet()), "r", Pin(TestCards.Pin, asked), default);

        Assert.True(result.IsAccepted, result.ToString());
        using var session = result.Session!;
        Assert.Equal([3], asked);
        Assert.Equal("Alice Traveller", session.DisplayName);
        Assert.Equal("+4930123456", session.FollowMeNumber);
        Assert.Equal("sip:alice@example.org", session.SipAor);
        Assert.Equal(3, session.CallFilters.Count);
        Assert.False(session.IsStorageCard);
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public async Task DigestResponder_OnCard_MatchesIndependentComputation(string algorithm)
    {
        var result = await Factory().CreateAsync(Transceiver(TestCards.Applet()), "r", Pin(TestCards.Pin), default);
        using var session = result.Session!;
        var challenge = TestCards.Challenge(algorithm, session.Realm);

        var response = (await session.DigestResponder.RespondAsync(challenge, default)).Response;

        Assert.Equal(TestCards.ExpectedResponse(algorithm, TestProfiles.Alice, challenge), response);
    }

    [Fact]
    public async Task CreateAsync_ForeignCard_RejectsNotSupported()
    {
        var result = await Factory().CreateAsync(Transceiver(TestCards.Foreign()), "r", Pin(null), default);

        Assert.Equal("not-supported", result.RejectionReason);
    }

    [Fact]
    public async Task CreateAsync_WrongPin_RejectsWithTriesLeft()
    {
        var result = await Factory().CreateAsync(Transceiver(TestCards.Applet()), "r", Pin("0000"), default);

        Assert.Equal("pin-wrong", result.RejectionReason);
        Assert.Equal(2, result.PinTriesLeft);
    }

    [Fact]
    public async Task CreateAsync_ThirdWrongPin_RejectsBlocked()
    {
        var card = VirtualCard.VirtualCard.Create(TestCards.Applet());
        var factory = Factory();
        await factory.CreateAsync(new VirtualCardTransceiver(card), "r", Pin("0000"), default);
        await factory.CreateAsync(new VirtualCardTransceiver(card), "r", Pin("0000"), default);

        var third = await factory.CreateAsync(new VirtualCardTransceiver(card), "r", Pin("0000"), default);
        var afterwards = await factory.CreateAsync(new VirtualCardTransceiver(card), "r", Pin(TestCards.Pin), default);

        Assert.Equal("pin-blocked", third.RejectionReason);
        Assert.Equal("pin-blocked", afterwards.RejectionReason);
    }

    [Fact]
    public async Task CreateAsync_KeypadCancels_RejectsPinCancelled()
    {
        var result = await Factory().CreateAsync(Transceiver(TestCards.Applet()), "r", Pin(null), default);

        Assert.Equal("pin-cancelled", result.RejectionReason);
    }

    [Fact]
    public async Task CreateAsync_NoPinRequired_NeverAsksKeypad()
    {
        var asked = new List<int>();
        var result = await Factory().CreateAsync(Transceiver(TestCards.Applet(pin: null)), "r", Pin("x", asked), default);

        Assert.True(result.IsAccepted);
        Assert.Empty(asked);
        result.Session!.Dispose();
    }

    [Fact]
    public async Task CreateAsync_CorruptRecord_RejectsCorruptProfile()
    {
        var file = TestCards.Applet(pin: null);
        var corrupt = new VirtualCardFile { Kind = file.Kind, Ha1 = file.Ha1, Profile = file.Profile, RecordOverrideHex = "E105DF010101DF" };

        var result = await Factory().CreateAsync(Transceiver(corrupt), "r", Pin(null), default);

        Assert.Equal("corrupt-profile", result.RejectionReason);
    }

    [Fact]
    public async Task CreateAsync_MissingRealm_RejectsMissingField()
    {
        var result = await Factory().CreateAsync(Transceiver(TestCards.Applet(TestProfiles.Alice with { Realm = "" }, pin: null)), "r", Pin(null), default);

        Assert.Equal("missing-field:realm", result.RejectionReason);
    }

    [Fact]
    public async Task CreateAsync_ExpiredCard_RejectsExpired()
    {
        var profile = TestProfiles.Alice with { Expiry = new DateOnly(2026, 11, 25) };

        var result = await Factory().CreateAsync(Transceiver(TestCards.Applet(profile, pin: null)), "r", Pin(null), default);

        Assert.Equal("expired", result.RejectionReason);
    }

    [Fact]
    public async Task CreateAsync_StorageCardAllowed_ComputesDigestOnGateway()
    {
        var result = await Factory().CreateAsync(Transceiver(TestCards.Storage()), "r", Pin(null), default);
        using var session = result.Session!;
        var challenge = TestCards.Challenge("SHA-256", session.Realm);

        Assert.True(session.IsStorageCard);
        Assert.Equal(TestCards.ExpectedResponse("SHA-256", TestProfiles.Alice, challenge), (await session.DigestResponder.RespondAsync(challenge, default)).Response);
    }

    [Fact]
    public async Task CreateAsync_StorageCardRefusedByPolicy_RejectsWithoutReading()
    {
        var transceiver = Transceiver(TestCards.Storage());
        var factory = new CardSessionFactory(new CardSessionOptions { AllowStorageCards = false, TimeProvider = s_clock });

        var result = await factory.CreateAsync(transceiver, "r", Pin(null), default);

        Assert.Equal("storage-card-refused", result.RejectionReason);
        Assert.DoesNotContain(transceiver.SentCommands, c => c[1] == 0xB0);
    }

    [Fact]
    public async Task CreateAsync_CardRemoved_RejectsRemoved()
    {
        var transceiver = Transceiver(TestCards.Applet());
        transceiver.Removed = true;

        var result = await Factory().CreateAsync(transceiver, "r", Pin(TestCards.Pin), default);

        Assert.Equal("removed", result.RejectionReason);
    }

    [Fact]
    public async Task DigestResponder_CardRemovedMidSession_ThrowsCardRemovedException()
    {
        var transceiver = Transceiver(TestCards.Applet());
        using var session = (await Factory().CreateAsync(transceiver, "r", Pin(TestCards.Pin), default)).Session!;
        transceiver.Removed = true;

        await Assert.ThrowsAsync<CardRemovedException>(async () => await session.DigestResponder.RespondAsync(TestCards.Challenge("MD5", session.Realm), default));
    }

    [Fact]
    public async Task Dispose_StorageSession_ZeroesRecordAndHa1AndBlocksAccess()
    {
        var session = (await Factory().CreateAsync(Transceiver(TestCards.Storage()), "r", Pin(null), default)).Session!;
        var record = (byte[])typeof(CardSession).GetField("_rawRecord", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(session)!;
        var secrets = (CardSecrets)typeof(CardSession).GetField("_secrets", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(session)!;
        secrets.TryGetHa1(DigestHashFunction.Md5, out var ha1);
        Assert.Contains(record, b => b != 0);
        var responder = session.DigestResponder;

        session.Dispose();

        Assert.All(record, b => Assert.Equal(0, b));
        Assert.All(ha1.ToArray(), b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => session.Profile);
        Assert.Throws<ObjectDisposedException>(() => session.FollowMeNumber);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await responder.RespondAsync(TestCards.Challenge("MD5", "example.org"), default));
    }

    private static CardSessionFactory Factory() => new(new CardSessionOptions { TimeProvider = s_clock });

    private static VirtualCardTransceiver Transceiver(VirtualCardFile file) => new(VirtualCard.VirtualCard.Create(file));

    private static Func<int, CancellationToken, ValueTask<string?>> Pin(string? pin, List<int>? asked = null) => (tries, _) =>
    {
        asked?.Add(tries);
        return ValueTask.FromResult(pin);
    };
}
