namespace Gateway.SmartCard.Tests;

public class CardTransceiverTests
{
    [Fact]
    public async Task TransceiveAsync_61xx_FetchesWithGetResponseAndConcatenates()
    {
        var card = new ScriptedTransceiver(
            "6105",
            "01020304056103",
            "AABBCC9000");

        var response = await card.TransceiveAsync(new CommandApdu(0x00, 0xA4, 0x04, 0x00, [0x01], 256));

        Assert.Equal("0102030405AABBCC", Convert.ToHexString(response.Data.Span));
        Assert.Equal(StatusWords.Success, response.StatusWord);
        Assert.Equal("00C0000005", card.Sent[1]);
        Assert.Equal("00C0000003", card.Sent[2]);
    }

    [Fact]
    public async Task TransceiveAsync_6Cxx_ReissuesWithExactLe()
    {
        var card = new ScriptedTransceiver("6C0A", "000102030405060708099000");

        var response = await card.TransceiveAsync(new CommandApdu(0x00, 0xB0, 0x00, 0xF0, default, 240));

        Assert.Equal(10, response.Data.Length);
        Assert.Equal("00B000F0F0", card.Sent[0]);
        Assert.Equal("00B000F00A", card.Sent[1]);
    }

    [Fact]
    public async Task TransceiveAsync_OneByteAnswer_ThrowsCardProtocolException()
    {
        var card = new ScriptedTransceiver("90");

        await Assert.ThrowsAsync<CardProtocolException>(async () => await card.TransceiveAsync(new CommandApdu(0, 0xA4, 4, 0)));
    }

    [Fact]
    public async Task TransceiveAsync_Endless61xx_ThrowsCardProtocolException()
    {
        var card = new ScriptedTransceiver(Enumerable.Repeat("006101", 300).Prepend("6101").ToArray());

        await Assert.ThrowsAsync<CardProtocolException>(async () => await card.TransceiveAsync(new CommandApdu(0, 0xA4, 4, 0, [1], 256)));
    }

    /// <summary>A card that answers from a fixed script, recording what it was sent.</summary>
    private sealed class ScriptedTransceiver(params string[] answers) : CardTransceiver
    {
        private int _next;

        public List<string> Sent { get; } = [];

        public override ValueTask<int> TransceiveRawAsync(ReadOnlyMemory<byte> command, Memory<byte> response, CancellationToken cancellationToken)
        {
            Sent.Add(Convert.ToHexString(command.Span));
            var answer = Convert.FromHexString(answers[_next++]);
            answer.CopyTo(response);
            return ValueTask.FromResult(answer.Length);
        }
    }
}
