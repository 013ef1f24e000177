using Gateway.Sip.Auth;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>A fake card: answers from a password and counts how often it was asked.</summary>
internal sealed class CountingResponder(string username, string password) : IDigestResponder
{
    private readonly PasswordDigestResponder _inner = new(username, password);

    public List<DigestRequest> Requests { get; } = [];

    public bool MayBlock => false;

    public bool Supports(DigestHashFunction hash) => _inner.Supports(hash);

    public ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct)
    {
        Requests.Add(request);
        return _inner.RespondAsync(request, ct);
    }
}
