using Gateway.Dsp.CallerId;

namespace Gateway.Dsp.Tests;

public class CallerIdTests
{
    private static readonly CallerIdMessage s_full = new(11, 26, 9, 45, "0305551234", null, "PAY PHONE 7", null);

    private static byte[] Receive(short[] pcm, FskStandard standard, int rate, int chunk = 160)
    {
        var demodulator = new FskDemodulator(standard, rate);
        var bytes = new List<byte>();
        for (var i = 0; i < pcm.Length; i += chunk)
        {
            demodulator.Process(pcm.AsSpan(i, Math.Min(chunk, pcm.Length - i)));
            while (demodulator.TryReadByte(out var b))
            {
                bytes.Add(b);
            }
        }

        return bytes.ToArray();
    }

    /// <summary>The message follows the seizure's 'U' characters; the mark period separates them.</summary>
    private static byte[] AfterSeizure(byte[] received)
    {
        var start = Array.IndexOf(received, Mdmf.MessageType);
        Assert.True(start >= 0, "no MDMF message type received");
        Assert.True(received[..start].Count(b => b == 0x55) >= 25, "channel seizure not received as 'U's");
        return received[start..];
    }

    public static TheoryData<string, int> Modems() => new() { { "Bell 202", 8000 }, { "Bell 202", 16000 }, { "V.23", 8000 }, { "V.23", 16000 } };

    private static FskStandard Standard(string name) => name == "V.23" ? FskStandard.V23 : FskStandard.Bell202;

    [Theory]
    [MemberData(nameof(Modems))]
    public void RoundTrip_WithNoise_DecodesDateNumberName(string modem, int rate)
    {
        // White noise 25 dB below the FSK level; at 20 dB this one-bit-correlator receiver made bit errors (Bell 202, 8 kHz).
        const double snrDb = 25;
        var pcm = TestSignal.Concat(TestSignal.Silence(rate, 100), CallerIdSignal.Render(Mdmf.Encode(s_full), Standard(modem), rate), TestSignal.Silence(rate, 50));
        TestSignal.AddNoise(pcm, PcmLevel.PeakAmplitude(-13 - snrDb) / Math.Sqrt(2), 11);
        Assert.True(Mdmf.TryDecode(AfterSeizure(Receive(pcm, Standard(modem), rate, 37)), out var message, out var error), error);
        Assert.Equal(s_full, message);
    }

    [Theory]
    [InlineData('P', 'P')]
    [InlineData('O', 'O')]
    [InlineData('P', null)]
    public void PrivateAndOutOfArea_RoundTrip(char numberAbsence, char? nameAbsence)
    {
        var sent = new CallerIdMessage(1, 2, 3, 4, null, numberAbsence, nameAbsence is null ? "SMITH JOHN" : null, nameAbsence);
        var pcm = CallerIdSignal.Render(Mdmf.Encode(sent), FskStandard.Bell202, 8000);
        Assert.True(Mdmf.TryDecode(AfterSeizure(Receive(pcm, FskStandard.Bell202, 8000)), out var message, out var error), error);
        Assert.Equal(sent, message);
    }

    [Fact]
    public void Encode_MatchesGr30Layout()
    {
        var bytes = Mdmf.Encode(new CallerIdMessage(3, 15, 14, 30, "5551234", null, null, 'P'));
        byte[] expected = [0x80, 22, 0x01, 8, .. "03151430"u8, 0x02, 7, .. "5551234"u8, 0x08, 1, (byte)'P'];
        Assert.Equal(expected, bytes[..^1]);
        Assert.Equal(0, bytes.Sum(b => b) & 0xFF);
    }

    [Fact]
    public void CorruptedSignal_FailsChecksum()
    {
        var encoded = Mdmf.Encode(s_full);
        encoded[10] ^= 0x04; // one bit flipped in the number after the checksum was computed
        var pcm = CallerIdSignal.Render(encoded, FskStandard.V23, 8000);
        Assert.False(Mdmf.TryDecode(AfterSeizure(Receive(pcm, FskStandard.V23, 8000)), out _, out var error));
        Assert.Equal("checksum mismatch", error);
    }

    [Theory]
    [InlineData(new byte[] { 0x04, 0x00, 0x00 }, "not an MDMF message")]
    [InlineData(new byte[] { 0x80, 0x05, 0x01 }, "truncated")]
    [InlineData(new byte[] { 0x80, 0x02, 0x02, 0x05, 0x77 }, "parameter overruns the message")]
    [InlineData(new byte[] { 0x80, 0x03, 0x04, 0x01, (byte)'X', 0x00 }, "absence reason is not P or O")]
    public void MalformedMessages_AreRejectedWithReason(byte[] data, string reason)
    {
        // Fix the checksum where the message is long enough to have one, so the parser reaches the defect.
        if (data.Length >= 3 && data.Length >= data[1] + 3)
        {
            data[^1] = 0;
            data[^1] = (byte)(-data.Sum(b => b) & 0xFF);
        }

        Assert.False(Mdmf.TryDecode(data, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Modulator_IsOnFrequencyAndKeepsBitRate()
    {
        var modulator = new FskModulator(FskStandard.Bell202, 8000);
        var pcm = new short[8000 + 16];
        var written = 0;
        for (var i = 0; i < 1200; i++)
        {
            written += modulator.WriteBit(true, pcm.AsSpan(written));
        }

        Assert.Equal(8000, written); // 1200 bits in exactly one second
        var mark = new Goertzel(1200, 8000);
        mark.Process(pcm.AsSpan(0, 8000));
        Assert.InRange(PcmLevel.ToDbm0(mark.Power), -13.3, -12.7);
    }
}
