using System.Globalization;
using Gateway.Sip.Auth;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;

namespace Gateway.NetworkServer.IntegrationTests.Sip;

/// <summary>
/// Test-only: one REGISTER for a <see cref="SipUserAgent"/>'s Contact, through the SIP stack's
/// transaction layer, answering the 401 with the stack's <see cref="DigestAuthenticator"/>. Not a
/// registration client (no refresh, no failover): the firmware's one lives in Gateway.Sip.Registration.
/// </summary>
internal static class UaRegistration
{
    public static async Task<SipResponse> RegisterAsync(SipUserAgent agent, SipTransactionLayer layer, SipEndPoint registrar, string realm, DigestAuthenticator authenticator)
    {
        var callId = Guid.NewGuid().ToString("N");
        var aor = $"sip:{agent.Options.User}@{realm}";
        var first = await SendAsync(layer, registrar, Build(agent, aor, realm, callId, 1, null));
        if (first.Response.StatusCode is not (401 or 407))
        {
            return first.Response;
        }

        var decision = await authenticator.AuthorizeAsync(first.Response, first.Request, CancellationToken.None);
        Assert.True(decision.ShouldRetry, decision.ToString());
        var second = await SendAsync(layer, registrar, Build(agent, aor, realm, callId, 2, (decision.HeaderName, decision.HeaderValues)));
        return second.Response;
    }

    private static SipRequest Build(SipUserAgent agent, string aor, string realm, string callId, int cseq, (string Name, IReadOnlyList<string> Values)? credentials)
    {
        var builder = SipMessageBuilder.ForRequest("REGISTER", $"sip:{realm}")
            .AddHeader("Via", agent.Local.NewVia())
            .AddHeader("Max-Forwards", "70")
            .AddHeader("From", $"<{aor}>;tag=reg{cseq.ToString(CultureInfo.InvariantCulture)}")
            .AddHeader("To", $"<{aor}>")
            .AddHeader("Call-ID", callId)
            .AddHeader("CSeq", $"{cseq.ToString(CultureInfo.InvariantCulture)} REGISTER")
            .AddHeader("Contact", agent.Local.Contact)
            .AddHeader("Expires", "300");
        if (credentials is { } c)
        {
            foreach (var value in c.Values)
            {
                builder.AddHeader(c.Name, value);
            }
        }

        return (SipRequest)builder.Build();
    }

    private static async Task<(SipRequest Request, SipResponse Response)> SendAsync(SipTransactionLayer layer, SipEndPoint registrar, SipRequest request)
    {
        var user = new FinalResponse();
        layer.SendRequest(request, registrar, user);
        return (request, await user.Final.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private sealed class FinalResponse : ISipClientTransactionUser
    {
        private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<SipResponse> Final => _final.Task;

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
            if (response.StatusCode >= 200)
            {
                _final.TrySetResult(response);
            }
        }
    }
}
