using System.Text;
using CsCheck;
using Gateway.Sip.Auth;
using Gateway.Sip.Message;

namespace Gateway.Sip.Tests.Auth;

public class DigestAuthenticatorPropertyTests
{
    [Fact]
    public void AuthorizeAsync_RandomChallengeText_ThrowsNothingButSipParseException()
    {
        const string alphabet = "Digest realm=nonce\"qop=auth,stale=true algorithm=MD5-sessSHA-256-512 opaque\\ \t;:=,<>Basic";
        var client = new DigestAuthenticator("alice", new PasswordDigestResponder("alice", "secret"), () => "c");
        var request = ChallengeMessages.Request();
        Gen.Int[0, alphabet.Length - 1].Array[0, 120]
            .Select(ix => new string(ix.Select(i => alphabet[i]).ToArray()))
            .Select(Gen.Bool, (text, proxy) => (text, status: proxy ? 407 : 401))
            .Sample(sample =>
            {
                try
                {
                    var response = BuildResponse(sample.status, sample.text);
                    var result = client.AuthorizeAsync(response, request, default).AsTask().GetAwaiter().GetResult();
                    Assert.Equal(result.ShouldRetry, result.FailureReason is null);
                }
                catch (SipParseException)
                {
                    // The parser's own error type is the one exception allowed (e.g. an empty header value).
                }
            }, iter: 3000);
    }

    private static SipResponse BuildResponse(int status, string challenge)
    {
        var text = $"SIP/2.0 {status} Unauthorized\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\n"
            + $"{(status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate")}: {challenge}\r\nContent-Length: 0\r\n\r\n";
        var parsed = SipMessageReader.ParseDatagram(Encoding.UTF8.GetBytes(text));
        return (SipResponse)(parsed.Message ?? throw new SipParseException(parsed.Error));
    }
}
