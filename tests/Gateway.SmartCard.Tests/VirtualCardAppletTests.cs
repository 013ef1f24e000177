using Gateway.VirtualCard;

namespace Gateway.SmartCard.Tests;

public class VirtualCardAppletTests
{
    private static readonly byte[] s_selectApplet = new CommandApdu(0x00, 0xA4, 0x04, 0x00, FollowMeApplication.Aid, 256).ToBytes();

    [Fact]
    public void Process_SelectAid_ReturnsFciWithCapabilities()
    {
        var card = VirtualCard.VirtualCard.Create(TestCards.Applet());

        var response = ResponseApdu.Parse(card.Process(s_selectApplet));

        Assert.Equal(StatusWords.Success, response.StatusWord);
        var fci = BerTlv.Decode(response.Data.Span);
        Assert.Equal(0x6Fu, fci.Tag);
        var caps = (CardCapabilities)fci.Find(0xA5)!.Find(0xDF02)!.Value.Span[0];
        Assert.Equal(CardCapabilities.PinRequired | CardCapabilities.Md5 | CardCapabilities.Sha256 | CardCapabilities.Sha512T256, caps);
    }

    [Theory]
    [InlineData("00CA000000", 0x6D00)]
    [InlineData("B0B0000000", 0x6E00)]
    [InlineData("80AA000000", 0x6D00)]
    public void Process_UnknownCommand_AnswersIsoError(string apdu, int sw)
    {
        var card = VirtualCard.VirtualCard.Create(TestCards.Applet());

        Assert.Equal(sw, ResponseApdu.Parse(card.Process(Convert.FromHexString(apdu))).StatusWord);
    }

    [Fact]
    public void Process_ForeignCardSelect_Answers6A82()
    {
        var card = VirtualCard.VirtualCard.Create(TestCards.Foreign());

        Assert.Equal(StatusWords.FileNotFound, ResponseApdu.Parse(card.Process(s_selectApplet)).StatusWord);
    }

    [Fact]
    public void Process_ReadBeforePin_Answers6982()
    {
        var card = VirtualCard.VirtualCard.Create(TestCards.Applet());
        card.Process(s_selectApplet);

        Assert.Equal(StatusWords.SecurityNotSatisfied, ResponseApdu.Parse(card.Process(Convert.FromHexString("00B0000010"))).StatusWord);
    }

    [Fact]
    public async Task VerifyPin_WrongThreeTimes_CountsDownAndBlocks()
    {
        var card = VirtualCard.VirtualCard.Create(TestCards.Applet());
        var client = new FollowMeCardClient(new VirtualCardTransceiver(card));
        await client.SelectApplicationAsync(default);

        Assert.Equal(new PinState(PinStatus.NotVerified, 3), await client.GetPinStateAsync(default));
        Assert.Equal(new PinState(PinStatus.NotVerified, 2), await client.VerifyPinAsync("0000", default));
        Assert.Equal(new PinState(PinStatus.NotVerified, 1), await client.VerifyPinAsync("0000", default));
        Assert.Equal(new PinState(PinStatus.Blocked, 0), await client.VerifyPinAsync("0000", default));
        Assert.Equal(new PinState(PinStatus.Blocked, 0), await client.VerifyPinAsync(TestCards.Pin, default));
        Assert.Equal(0, card.PinTriesLeft);
    }

    [Fact]
    public async Task VerifyPin_CorrectAfterWrong_ResetsCounter()
    {
        var card = VirtualCard.VirtualCard.Create(TestCards.Applet());
        var client = new FollowMeCardClient(new VirtualCardTransceiver(card));
        await client.SelectApplicationAsync(default);
        await client.VerifyPinAsync("9999", default);

        Assert.Equal(PinStatus.Verified, (await client.VerifyPinAsync(TestCards.Pin, default)).Status);
        Assert.Equal(PinStatus.Verified, (await client.GetPinStateAsync(default)).Status);
        Assert.Equal(3, card.PinTriesLeft);
    }

    [Theory]
    [InlineData("T1")]
    [InlineData("T0")]
    public async Task ReadRecord_AfterPin_ReturnsEncodedProfileInChunks(string protocol)
    {
        var card = VirtualCard.VirtualCard.Create(TestCards.Applet(protocol: protocol));
        var transceiver = new VirtualCardTransceiver(card);
        var client = new FollowMeCardClient(transceiver);
        var info = await client.SelectApplicationAsync(default);
        await client.VerifyPinAsync(TestCards.Pin, default);

        var record = await client.ReadRecordAsync(info!.RecordLength, 100, default);

        Assert.Equal(TestProfiles.Alice, AccountProfileCodec.Decode(record));
        // With the length from the FCI the client asks for exactly what is left, so the last READ is short.
        Assert.Equal((record.Length + 99) / 100, transceiver.SentCommands.Count(c => c[1] == 0xB0));
        Assert.Contains(transceiver.SentCommands, c => c[1] == 0xB0 && c[^1] == record.Length % 100);
        if (protocol == "T0")
        {
            Assert.Contains(transceiver.SentCommands, c => c[1] == 0xC0);
        }
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public async Task InternalAuthenticate_AfterPin_MatchesIndependentComputation(string algorithm)
    {
        var client = new FollowMeCardClient(new VirtualCardTransceiver(VirtualCard.VirtualCard.Create(TestCards.Applet(protocol: "T0"))));
        await client.SelectApplicationAsync(default);
        await client.VerifyPinAsync(TestCards.Pin, default);
        var challenge = TestCards.Challenge(algorithm, TestProfiles.Alice.Realm);

        var raw = await client.InternalAuthenticateAsync(challenge, default);

        Assert.Equal(TestCards.ExpectedResponse(algorithm, TestProfiles.Alice, challenge), Convert.ToHexStringLower(raw));
    }

    [Fact]
    public async Task InternalAuthenticate_WrongRealm_Answers6A88()
    {
        var client = new FollowMeCardClient(new VirtualCardTransceiver(VirtualCard.VirtualCard.Create(TestCards.Applet(pin: null))));
        await client.SelectApplicationAsync(default);

        var ex = await Assert.ThrowsAsync<CardProtocolException>(async () => await client.InternalAuthenticateAsync(TestCards.Challenge("MD5", "evil.org"), default));

        Assert.Equal(StatusWords.ReferencedDataNotFound, ex.StatusWord);
    }

    [Fact]
    public async Task InternalAuthenticate_BeforePin_Answers6982()
    {
        var client = new FollowMeCardClient(new VirtualCardTransceiver(VirtualCard.VirtualCard.Create(TestCards.Applet())));
        await client.SelectApplicationAsync(default);

        var ex = await Assert.ThrowsAsync<CardProtocolException>(async () => await client.InternalAuthenticateAsync(TestCards.Challenge("MD5", TestProfiles.Alice.Realm), default));

        Assert.Equal(StatusWords.SecurityNotSatisfied, ex.StatusWord);
    }

    [Fact]
    public void Process_EveryInstructionAfterPin_NeverReturnsAnHa1()
    {
        var file = TestCards.Applet();
        var card = VirtualCard.VirtualCard.Create(file);
        var secrets = file.Ha1.Values.Select(Convert.FromHexString).ToList();
        card.Process(s_selectApplet);
        card.Process(new CommandApdu(0x00, 0x20, 0x00, 0x81, "1234"u8).ToBytes());

        foreach (var cla in new byte[] { 0x00, 0x80 })
        {
            for (var ins = 0; ins < 256; ins++)
            {
                foreach (var p1p2 in new[] { 0x0000, 0x0081, 0x0100, 0x0400 })
                {
                    var answer = card.Process(new CommandApdu(cla, (byte)ins, (byte)(p1p2 >> 8), (byte)p1p2, default, 256).ToBytes());
                    Assert.DoesNotContain(secrets, s => answer.AsSpan().IndexOf(s) >= 0);
                }
            }
        }
    }

    [Fact]
    public async Task StorageCard_SelectFileAndRead_ExposesHa1()
    {
        var transceiver = new VirtualCardTransceiver(VirtualCard.VirtualCard.Create(TestCards.Storage()));
        var client = new FollowMeCardClient(transceiver);

        Assert.Null(await client.SelectApplicationAsync(default));
        Assert.True(await client.SelectStorageFileAsync(default));
        var record = await client.ReadRecordAsync(null, 64, default);

        // No announced length: the last READ asks for 64, the card answers 6Cxx, the transceiver re-issues with xx.
        var reads = transceiver.SentCommands.Where(c => c[1] == 0xB0).ToList();
        Assert.Contains(reads.Zip(reads.Skip(1)), pair => pair.First.AsSpan(2, 2).SequenceEqual(pair.Second.AsSpan(2, 2)) && pair.First[^1] == 64 && pair.Second[^1] == record.Length % 64);

        AccountProfileCodec.Decode(record, out var secrets);
        using (secrets)
        {
            Assert.NotNull(secrets);
            Assert.Equal(3, secrets.Algorithms.Count);
        }
    }

    [Fact]
    public async Task LoadAsync_JsonCardFile_RoundTripsPersonalization()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, System.Text.Json.JsonSerializer.Serialize(TestCards.Applet(), VirtualCardJsonContext.Default.VirtualCardFile));
            var card = await VirtualCard.VirtualCard.LoadAsync(path);
            var client = new FollowMeCardClient(new VirtualCardTransceiver(card));
            var info = await client.SelectApplicationAsync(default);
            await client.VerifyPinAsync(TestCards.Pin, default);

            Assert.Equal(TestProfiles.Alice, AccountProfileCodec.Decode(await client.ReadRecordAsync(info!.RecordLength, 240, default)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
