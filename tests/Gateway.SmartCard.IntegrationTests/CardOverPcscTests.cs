using Gateway.SmartCard.PcscLite;
using Gateway.VirtualCard;

namespace Gateway.SmartCard.IntegrationTests;

[Collection(PcscdGroup.Name)]
public sealed class CardOverPcscTests(PcscdFixture pcscd) : IAsyncLifetime
{
    private static readonly TimeSpan s_wait = PcscTestReader.Wait;
    private PcscReaderMonitor _monitor = null!;
    private PcscContext? _context;
    private PcscTestReader? _reader;

    public async Task InitializeAsync()
    {
        _reader = await PcscTestReader.StartAsync(pcscd);
        _context = _reader.Context;
        _monitor = _reader.Monitor;
    }

    public async Task DisposeAsync()
    {
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }
    }

    [Fact]
    public async Task Monitor_VirtualCardConnectedThenClosed_ReportsInsertedWithAtrThenRemoved()
    {
        var card = Cards.Applet();
        MonitorEvents.WaitUntilEmpty(_context!, PcscdFixture.Reader);
        var since = TimeProvider.System.GetTimestamp();

        var connection = await VirtualCardConnection.ConnectAsync(card, "127.0.0.1", PcscdFixture.VpcdPort, default);
        var inserted = await _monitor.Events.WaitForAsync(ReaderEventKind.CardInserted, PcscdFixture.Reader, s_wait, since);
        await connection.DisposeAsync();
        var removed = await _monitor.Events.WaitForAsync(ReaderEventKind.CardRemoved, PcscdFixture.Reader, s_wait);

        Assert.Equal(card.Atr.ToArray(), inserted.Atr.ToArray());
        Assert.True(removed.Timestamp > inserted.Timestamp);
    }

    [Fact]
    public async Task CreateAsync_WrongPinThreeTimes_CountsDownThenBlocks()
    {
        var card = Cards.Applet();
        await using var connection = await InsertAsync(card);
        using var transceiver = PcscCardTransceiver.Connect(_context!, PcscdFixture.Reader);
        var factory = new CardSessionFactory();

        var first = await factory.CreateAsync(transceiver, PcscdFixture.Reader, (_, _) => ValueTask.FromResult<string?>("0000"), default);
        var second = await factory.CreateAsync(transceiver, PcscdFixture.Reader, (_, _) => ValueTask.FromResult<string?>("0000"), default);
        var third = await factory.CreateAsync(transceiver, PcscdFixture.Reader, (_, _) => ValueTask.FromResult<string?>("0000"), default);
        var withRightPin = await factory.CreateAsync(transceiver, PcscdFixture.Reader, (_, _) => ValueTask.FromResult<string?>(Cards.Pin), default);

        Assert.Equal(("pin-wrong", 2), (first.RejectionReason, first.PinTriesLeft));
        Assert.Equal(("pin-wrong", 1), (second.RejectionReason, second.PinTriesLeft));
        Assert.Equal("pin-blocked", third.RejectionReason);
        Assert.Equal("pin-blocked", withRightPin.RejectionReason);
        Assert.Equal(0, card.PinTriesLeft);
    }

    [Theory]
    [InlineData("T1", "MD5")]
    [InlineData("T1", "SHA-256")]
    [InlineData("T0", "SHA-256")]
    public async Task DigestResponder_OverRealPcsc_EqualsIndependentRfc7616Computation(string protocol, string algorithm)
    {
        await using var connection = await InsertAsync(Cards.Applet(protocol));
        var transceiver = PcscCardTransceiver.Connect(_context!, PcscdFixture.Reader);
        var result = await new CardSessionFactory().CreateAsync(transceiver, PcscdFixture.Reader, (_, _) => ValueTask.FromResult<string?>(Cards.Pin), default);
        Assert.True(result.IsAccepted, result.ToString());
        using var session = result.Session!;
        var challenge = Cards.Challenge(algorithm);

        var response = (await session.DigestResponder.RespondAsync(challenge, default)).Response;

        Assert.Equal(Cards.Expected(algorithm, challenge), response);
        Assert.Equal(Cards.Profile, session.Profile);
        Assert.Equal(protocol == "T0" ? 1u : 2u, transceiver.Protocol);
    }

    [Fact]
    public async Task CreateAsync_CardWithoutApplet_RejectsNotSupported()
    {
        await using var connection = await InsertAsync(Cards.Foreign());
        using var transceiver = PcscCardTransceiver.Connect(_context!, PcscdFixture.Reader);

        var result = await new CardSessionFactory().CreateAsync(transceiver, PcscdFixture.Reader, (_, _) => ValueTask.FromResult<string?>(null), default);

        Assert.Equal("not-supported", result.RejectionReason);
    }

    [Fact]
    public async Task DigestResponder_CardPulledMidSession_ThrowsCardRemovedException()
    {
        var connection = await InsertAsync(Cards.Applet());
        var transceiver = PcscCardTransceiver.Connect(_context!, PcscdFixture.Reader);
        using var session = (await new CardSessionFactory().CreateAsync(transceiver, PcscdFixture.Reader, (_, _) => ValueTask.FromResult<string?>(Cards.Pin), default)).Session!;

        await connection.DisposeAsync();
        await _monitor.Events.WaitForAsync(ReaderEventKind.CardRemoved, PcscdFixture.Reader, s_wait);

        await Assert.ThrowsAsync<CardRemovedException>(async () => await session.DigestResponder.RespondAsync(Cards.Challenge("MD5"), default));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task CreateAsync_CardPulledWhileApduInFlight_RejectsRemoved(int pullAtApdu)
    {
        await using var card = await InsertAsync(Cards.Applet(pin: null, pullAtApdu: pullAtApdu));
        using var transceiver = PcscCardTransceiver.Connect(_context!, PcscdFixture.Reader);

        // APDU 1 is SELECT; APDU 2 (no PIN on this card) is the first READ RECORD.
        var result = await new CardSessionFactory().CreateAsync(transceiver, PcscdFixture.Reader, (_, _) => ValueTask.FromResult<string?>(null), default);

        Assert.True(card.PulledMidApdu, $"the card answered every APDU ({result})");
        Assert.Equal("removed", result.RejectionReason);
    }

    private Task<VirtualCardConnection> InsertAsync(VirtualCard.VirtualCard card) => _reader!.InsertAsync(card);
}
