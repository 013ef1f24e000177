using Microsoft.Extensions.Logging;

namespace Gateway.SmartCard;

/// <summary>
/// Storage cards only: the gateway computes the digest from the HA1 it read off the card. Every use is logged as a
/// warning because the secret is in gateway memory for the session.
/// </summary>
internal sealed class GatewayDigestResponder : ICardDigestResponder
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

    public ValueTask<string> ComputeResponseAsync(DigestChallengeInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(_session.IsDisposed, _session);
        ct.ThrowIfCancellationRequested();
        var algorithm = DigestCalculator.ParseAlgorithm(input);
        if (!_secrets.TryGetHa1(algorithm, out var ha1))
        {
            throw new NotSupportedException($"The storage card carries no HA1 for {input.Algorithm}.");
        }

        _logger.LogWarning("Digest for {Realm} computed on the gateway from a storage card's HA1", input.Realm);
        return ValueTask.FromResult(Convert.ToHexStringLower(DigestCalculator.ComputeResponse(algorithm, ha1.Span, input)));
    }
}
