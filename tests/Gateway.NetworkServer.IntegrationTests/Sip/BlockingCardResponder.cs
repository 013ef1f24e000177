using Gateway.Sip.Auth;

namespace Gateway.NetworkServer.IntegrationTests.Sip;

/// <summary>
/// Stands in for a card: each answer holds its thread until <see cref="Release"/>, as a synchronous SCardTransmit
/// does, and records which thread answered.
/// </summary>
internal sealed class BlockingCardResponder(IDigestResponder inner, bool mayBlock) : IDigestResponder, IDisposable
{
    private readonly ManualResetEventSlim _released = new(false);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool MayBlock => mayBlock;

    public Task Entered => _entered.Task;

    public string? AnsweringThread { get; private set; }

    public bool Supports(DigestHashFunction hash) => inner.Supports(hash);

    public ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct)
    {
        AnsweringThread = Thread.CurrentThread.Name;
        _entered.TrySetResult();
        _released.Wait(TimeSpan.FromSeconds(30), ct);
        return inner.RespondAsync(request, ct);
    }

    public void Release() => _released.Set();

    public void Dispose() => _released.Dispose();
}
