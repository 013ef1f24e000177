using Gateway.SmartCard.PcscLite;

namespace Gateway.SmartCard.Tests;

/// <summary>How <see cref="PcscCardTransceiver"/> maps pcsc-lite's answers for a card that goes away.</summary>
public class PcscCardTransceiverTests
{
    private static readonly byte[] s_select = [0x00, 0xA4, 0x04, 0x00, 0x02, 0xF0, 0x01, 0x00];

    [Fact]
    public void Dispose_CardStillThere_DisconnectsWithReset()
    {
        using var daemon = CardIn("R0");
        using var context = PcscContext.Establish(daemon);
        var transceiver = PcscCardTransceiver.Connect(context, "R0");

        transceiver.Dispose();
        transceiver.Dispose();

        Assert.Equal([1u], daemon.Dispositions);
    }

    [Fact]
    public void Dispose_CardGoneAndAnotherInserted_LeavesTheNewCardAlone()
    {
        // The old handle says SCARD_W_REMOVED_CARD; a reset through it would reset the card inserted since.
        using var daemon = CardIn("R0");
        using var context = PcscContext.Establish(daemon);
        var transceiver = PcscCardTransceiver.Connect(context, "R0");
        daemon.Remove("R0");
        daemon.Insert("R0", [0x3B, 0x80]);
        daemon.StatusResult = PcscError.RemovedCard;

        transceiver.Dispose();

        Assert.Equal([0u], daemon.Dispositions);
    }

    [Fact]
    public async Task Transmit_RemovedCardCode_ThrowsCardRemovedException()
    {
        using var daemon = CardIn("R0");
        daemon.TransmitResult = PcscError.RemovedCard;
        using var context = PcscContext.Establish(daemon);
        using var transceiver = PcscCardTransceiver.Connect(context, "R0");

        await Assert.ThrowsAsync<CardRemovedException>(async () => await transceiver.TransceiveRawAsync(s_select, new byte[258], default));
    }

    [Fact]
    public async Task Transmit_ReaderUnplugged_ThrowsCardRemovedException()
    {
        using var daemon = CardIn("R0");
        daemon.TransmitResult = PcscError.ReaderUnavailable;
        using var context = PcscContext.Establish(daemon);
        using var transceiver = PcscCardTransceiver.Connect(context, "R0");

        await Assert.ThrowsAsync<CardRemovedException>(async () => await transceiver.TransceiveRawAsync(s_select, new byte[258], default));
    }

    [Fact]
    public async Task Transmit_NoBytesAndCardGone_ThrowsCardRemovedException()
    {
        // What vpcd does when the card is pulled while the APDU is in flight.
        using var daemon = CardIn("R0");
        daemon.TransmitResponse = [];
        daemon.StatusResult = PcscError.RemovedCard;
        using var context = PcscContext.Establish(daemon);
        using var transceiver = PcscCardTransceiver.Connect(context, "R0");

        await Assert.ThrowsAsync<CardRemovedException>(async () => await transceiver.TransceiveRawAsync(s_select, new byte[258], default));
    }

    [Fact]
    public async Task Transmit_OneByteAndCardStillThere_ThrowsCardProtocolException()
    {
        using var daemon = CardIn("R0");
        daemon.TransmitResponse = [0x90];
        using var context = PcscContext.Establish(daemon);
        using var transceiver = PcscCardTransceiver.Connect(context, "R0");

        await Assert.ThrowsAsync<CardProtocolException>(async () => await transceiver.TransceiveRawAsync(s_select, new byte[258], default));
    }

    [Fact]
    public async Task CreateAsync_CardPulledDuringSelect_RejectsRemovedNotUnsupported()
    {
        using var daemon = CardIn("R0");
        daemon.TransmitResponse = [];
        daemon.StatusResult = PcscError.RemovedCard;
        using var context = PcscContext.Establish(daemon);
        var transceiver = PcscCardTransceiver.Connect(context, "R0");

        var result = await new CardSessionFactory().CreateAsync(transceiver, "R0", (_, _) => ValueTask.FromResult<string?>(null), default);

        Assert.Equal(CardRejectionReasons.Removed, result.RejectionReason);
        transceiver.Dispose();
    }

    [Fact]
    public void Connect_EmptyReader_ThrowsCardRemovedException()
    {
        using var daemon = new FakePcscDaemon();
        daemon.AddReader("R0");
        using var context = PcscContext.Establish(daemon);

        Assert.Throws<CardRemovedException>(() => PcscCardTransceiver.Connect(context, "R0"));
    }

    private static FakePcscDaemon CardIn(string reader)
    {
        var daemon = new FakePcscDaemon();
        daemon.AddReader(reader);
        daemon.Insert(reader, [0x3B, 0x02, 0x14, 0x50]);
        return daemon;
    }
}
