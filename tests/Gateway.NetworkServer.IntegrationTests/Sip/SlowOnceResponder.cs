using Gateway.Sip.Auth;

namespace Gateway.NetworkServer.IntegrationTests.Sip;

/// <summary>A card that takes <paramref name="firstDelay"/> for its first digest (long enough for the nonce to expire), then answers at once.</summary>
internal sealed class SlowOnceResponder(IDigestResponder inner, TimeSpan firstDelay) : IDigestResponder
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public bool MayBlock => inner.MayBlock;

    public bool Supports(DigestHashFunction hash) => inner.Supports(hash);

    public async ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _calls) == 1)
        {
            await Task.Delay(firstDelay, ct);
        }

        return await inner.RespondAsync(request, ct);
    }
}
