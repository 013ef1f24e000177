using Gateway.Sip.Auth;
using Microsoft.Extensions.Logging;

namespace Gateway.SmartCard;

/// <summary>
/// Storage cards only: the gateway computes the digest from the HA1 it read off the card. Every use is logged as a
/// warning because the secret is in gateway memory for the session.
/// </summary>
internal sealed class GatewayDigestResponder : IDigestResponder
{
    private readonly CardSecrets _secrets;
    private readonly CardSession _session;
    private readonly ILogger _logger;

    public GatewayDigestResponder(CardSecrets secrets, CardSession session, ILogger logger)
    {
        _secrets = secrets;
        _session = session;
        _logger = logger;
    }

    // A hash over the HA1 read at insertion; the card is not asked again.
    public bool MayBlock => false;

    public bool Supports(DigestHashFunction hash) => !_session.IsDisposed && _secrets.Algorithms.Contains(hash);

    public ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_session.IsDisposed, _session);
        ct.ThrowIfCancellationRequested();
        if (!_secrets.TryGetHa1(request.Algorithm.Hash, out var ha1))
        {
            throw new NotSupportedException($"The storage card carries no HA1 for {request.Algorithm.Name}.");
        }

        _logger.LogWarning("Digest for {Realm} computed on the gateway from a storage card's HA1", request.Realm);
        // The byte overload keeps HA1 out of strings: CardSecrets zeroes these bytes when the card is removed.
        return ValueTask.FromResult(new DigestResponse(DigestCalculator.Response(request, ha1.Span)));
    }
}
