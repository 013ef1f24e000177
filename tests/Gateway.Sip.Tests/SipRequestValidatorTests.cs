using System.Text;
using Gateway.Sip.Message;

namespace Gateway.Sip.Tests;

public class SipRequestValidatorTests
{
    private static SipRequest Request(string text) =>
        (SipRequest)SipMessageReader.ParseDatagram(Encoding.UTF8.GetBytes(text)).Message!;

    [Fact]
    public void Validate_SampleInvite_IsAccepted() =>
        Assert.True(new SipRequestValidator().Validate(Request(SampleMessages.Invite)).IsAccepted);

    [Fact]
    public void Validate_MissingVia_Is400()
    {
        var text = string.Join("\r\n", SampleMessages.Invite.Split("\r\n").Where(l => !l.StartsWith("Via:", StringComparison.Ordinal)));

        var result = new SipRequestValidator().Validate(Request(text));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("missing Via", result.Detail);
    }

    [Fact]
    public void Validate_UnsupportedRequire_Builds420WithUnsupportedHeader()
    {
        var request = Request(SampleMessages.Invite.Replace("Supported: replaces, timer", "Require: foo, timer", StringComparison.Ordinal));
        var result = new SipRequestValidator().Validate(request);

        var response = result.CreateResponse(request).Build();

        Assert.Equal(420, ((SipResponse)response).StatusCode);
        Assert.Equal("foo", response.Unsupported.Single().ToString());
    }

    [Fact]
    public void Validate_UnknownMethod_Builds501WithAllow()
    {
        var request = Request(SampleMessages.Invite.Replace("INVITE", "FOO", StringComparison.Ordinal));
        var result = new SipRequestValidator().Validate(request);

        var response = result.CreateResponse(request).Build();

        Assert.Equal(501, result.StatusCode);
        Assert.Contains(response.Allow, t => t.EqualsOrdinal("INVITE"));
    }

    [Theory]
    [InlineData("REGISTER")]
    [InlineData("SUBSCRIBE")]
    [InlineData("REFER")]
    public void Validate_KnownButUnhandledMethod_Builds405WithAllowOfHandledMethodsOnly(string method)
    {
        var request = Request(SampleMessages.Invite.Replace("INVITE", method, StringComparison.Ordinal));
        var result = new SipRequestValidator().Validate(request);

        var response = result.CreateResponse(request).Build();

        Assert.Equal(405, result.StatusCode);
        Assert.Equal(["ACK", "BYE", "CANCEL", "INVITE", "OPTIONS"], response.Allow.Select(t => t.ToString()));
    }

    [Fact]
    public void Validate_MaxForwardsZero_IsAcceptedByUa() =>
        Assert.True(new SipRequestValidator().Validate(Request(SampleMessages.Invite.Replace("Max-Forwards: 70", "Max-Forwards: 0", StringComparison.Ordinal))).IsAccepted);

    [Fact]
    public void Validate_TelRequestUriWhenOnlySipServed_Is416() =>
        Assert.Equal(416, new SipRequestValidator().Validate(Request(SampleMessages.Invite.Replace("INVITE sip:bob@example.com", "INVITE tel:+15551234", StringComparison.Ordinal))).StatusCode);
}
