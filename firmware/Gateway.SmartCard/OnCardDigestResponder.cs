using System.Text;

namespace Gateway.SmartCard;

/// <summary>Digest responses computed by the applet (INTERNAL AUTHENTICATE); the secret never leaves the card.</summary>
internal sealed class OnCardDigestResponder : ICardDigestResponder, IDisposable
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

    public async ValueTask<string> ComputeResponseAsync(DigestChallengeInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(_session.IsDisposed, _session);
        var algorithm = DigestCalculator.ParseAlgorithm(input);
        if (!_info.Supports(algorithm))
        {
            throw new NotSupportedException($"The card does not support {input.Algorithm}.");
        }

        await _oneAtATime.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_session.IsDisposed, _session);
            var raw = await _client.InternalAuthenticateAsync(input, ct);
            // Cards may answer raw (P2=00, what we ask for) or, if built for P2=01, hex text; accept both.
            return raw.Length == DigestAlgorithmNames.HashSize(algorithm)
                ? Convert.ToHexStringLower(raw)
                : Encoding.ASCII.GetString(raw).ToLowerInvariant();
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
