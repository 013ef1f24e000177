using System.Text;
using Gateway.Sip.Auth;

namespace Gateway.SmartCard;

/// <summary>Digest responses computed by the applet (INTERNAL AUTHENTICATE); the secret never leaves the card.</summary>
internal sealed class OnCardDigestResponder : IDigestResponder, IDisposable
{
    private readonly FollowMeCardClient _client;
    private readonly CardApplicationInfo _info;
    private readonly CardSession _session;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public OnCardDigestResponder(FollowMeCardClient client, CardApplicationInfo info, CardSession session)
    {
        _client = client;
        _info = info;
        _session = session;
    }

    public void Dispose() => _oneAtATime.Dispose();

    public bool Supports(DigestHashFunction hash) => _info.Supports(hash);

    // INTERNAL AUTHENTICATE goes through SCardTransmit, which holds the thread for the card's whole answer.
    public bool MayBlock => true;

    public async ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_session.IsDisposed, _session);
        // The card profile knows only the plain algorithms; a -sess token would be refused by the applet anyway.
        if (request.Algorithm.Session || !_info.Supports(request.Algorithm.Hash))
        {
            throw new NotSupportedException($"The card does not support {request.Algorithm.Name}.");
        }

        await _oneAtATime.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_session.IsDisposed, _session);
            var raw = await _client.InternalAuthenticateAsync(request, ct);
            // Cards may answer raw (P2=00, what we ask for) or, if built for P2=01, hex text; accept both.
            return new DigestResponse(raw.Length == DigestCalculator.HashSize(request.Algorithm.Hash)
                ? Convert.ToHexStringLower(raw)
                : Encoding.ASCII.GetString(raw).ToLowerInvariant());
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
