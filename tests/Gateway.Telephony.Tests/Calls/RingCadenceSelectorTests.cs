using Gateway.Hardware;
using Gateway.Telephony.Calls;

namespace Gateway.Telephony.Tests.Calls;

public sealed class RingCadenceSelectorTests
{
    private readonly RingCadenceSelector _selector = new(RingCadences.UkDouble);

    [Fact]
    public void Select_CardCadence_WinsOverAlertInfo()
    {
        var cadence = _selector.Select("Distinctive-2", ["<http://127.0.0.1/x>;info=alert-internal"]);

        Assert.Equal("distinctive-2", cadence.Name);
    }

    [Fact]
    public void Select_UnknownCardCadence_FallsBackToAlertInfo()
    {
        Assert.Equal("distinctive-1", _selector.Select("bogus-ring", ["<http://127.0.0.1/x>;info=alert-internal"]).Name);
    }

    [Fact]
    public void Select_NothingKnown_UsesDefault()
    {
        Assert.Same(RingCadences.UkDouble, _selector.Select(null, []));
        Assert.Same(RingCadences.UkDouble, _selector.Select("  ", ["<urn:alert:service:call-waiting>", "garbage<<<>", ""]));
    }

    [Theory]
    [InlineData("<Bellcore-dr2>", "distinctive-1")]
    [InlineData("<http://127.0.0.1/Bellcore-dr3>", "distinctive-2")]
    [InlineData("<bellcore-dr4>", "distinctive-3")]
    [InlineData("<Bellcore-dr1>", "us-standard")]
    [InlineData("<Bellcore-dr9>", null)]
    [InlineData("<Bellcore-dr>", null)]
    [InlineData("<urn:alert:source:internal>", "distinctive-1")]
    [InlineData("<urn:alert:priority:high:urgent>", "distinctive-3")]
    [InlineData("<urn:alert:priority>", null)]
    [InlineData("<http://example.org/ring.wav>;info=alert-group", "distinctive-2")]
    [InlineData("<http://example.org/ring.wav>;info=\"distinctive-3\"", "distinctive-3")]
    [InlineData("<http://example.org/short-short>", "short-short")]
    [InlineData("<urn:alert:service:call-waiting>, <Bellcore-dr2>", "distinctive-1")]
    [InlineData("Bellcore-dr3", "distinctive-2")]
    public void FromAlertInfo_Maps(string header, string? expected) =>
        Assert.Equal(expected, RingCadenceSelector.FromAlertInfo([header])?.Name);

    [Fact]
    public void FromAlertInfo_FloodOfEntries_OnlyFirstFewCount()
    {
        var flood = string.Join(", ", Enumerable.Repeat("<urn:alert:x:y>", 50)) + ", <Bellcore-dr2>";

        Assert.Null(RingCadenceSelector.FromAlertInfo([flood]));
    }
}
