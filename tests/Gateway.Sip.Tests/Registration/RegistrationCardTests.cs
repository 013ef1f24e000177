using Gateway.Sip.Auth;
using Gateway.Sip.Registration;

namespace Gateway.Sip.Tests.Registration;

/// <summary>What a registration backed by a removable card needs: no early retry after a refusal, and an unregister that works after the card is gone.</summary>
public sealed class RegistrationCardTests
{
    private static readonly RegistrationBackoff s_refused = new() { Base = TimeSpan.FromSeconds(600), Max = TimeSpan.FromSeconds(3600), RandomFactor = 0.5 };

    [Fact]
    public async Task Register_403_WaitsTheRefusedBackoffNotTheShortOne()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.Override = r => FakeRegistrar.Response(r, 403);
        var client = h.Start(h.Options() with { RefusedBackoff = s_refused });

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Failed);

        Assert.Equal(403, status.StatusCode);
        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromSeconds(600), status.RetryAt);
        await h.AdvanceAsync(TimeSpan.FromSeconds(590), TimeSpan.FromSeconds(10));
        Assert.Single(h.Registrar.Requests);
    }

    [Fact]
    public async Task Register_Timeout_StillUsesTheShortBackoff()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.Silent = true;
        var client = h.Start(h.Options() with { RefusedBackoff = s_refused });

        var waiting = RegistrationHarness.WaitAsync(client, RegistrationState.Failed);
        await h.AdvanceAsync(TimeSpan.FromSeconds(33), TimeSpan.FromMilliseconds(500));
        var status = await waiting;

        Assert.Equal(408, status.StatusCode);
        // The clock moved on in steps after the failure; the short backoff is 30 s, the refused one would be 600 s.
        Assert.InRange(status.RetryAt!.Value - h.Time.GetUtcNow(), TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Stop_CardPulledWithPreparedCredentials_UnregistersWithoutAskingTheCard()
    {
        await using var h = new RegistrationHarness();
        var card = new PullableCard("alice", "secret");
        var client = new RegistrationClient(h.Layer, h.Options() with { PrepareUnregister = true }, new DigestAuthenticator("alice", card), h.Logger, () => 0.0);
        client.Start();
        await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);
        Assert.Single(h.Registrar.Bindings("sip:alice@test.invalid"));

        card.Pulled = true;
        var removed = await client.StopAsync().WaitAsync(RegistrationHarness.Patience);

        Assert.True(removed);
        Assert.Empty(h.Registrar.Bindings("sip:alice@test.invalid"));
        var unregister = h.Registrar.Requests[^1];
        Assert.Equal("0", unregister.GetValues("Expires")[0].ToString());
        Assert.Equal("alice", Assert.Single(unregister.Authorization).Username);
        Assert.Equal(2, card.Answers); // the REGISTER and the prepared unregister, nothing after the pull
    }

    [Fact]
    public async Task Stop_CardPulledWithoutPreparedCredentials_GivesUpCleanly()
    {
        await using var h = new RegistrationHarness();
        var card = new PullableCard("alice", "secret");
        var client = new RegistrationClient(h.Layer, h.Options(), new DigestAuthenticator("alice", card), h.Logger, () => 0.0);
        client.Start();
        await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);

        card.Pulled = true;
        var removed = await client.StopAsync().WaitAsync(RegistrationHarness.Patience);

        Assert.False(removed);
        Assert.Equal(RegistrationState.Unregistered, client.Status.State);
        Assert.Contains("digest responder failed", client.Status.Reason, StringComparison.Ordinal);
        Assert.Single(h.Registrar.Bindings("sip:alice@test.invalid"));
    }

    [Fact]
    public async Task Stop_PreparedNonceStale_FallsBackToTheCardAndReportsFailureWhenItIsGone()
    {
        await using var h = new RegistrationHarness();
        var card = new PullableCard("alice", "secret");
        var client = new RegistrationClient(h.Layer, h.Options() with { PrepareUnregister = true }, new DigestAuthenticator("alice", card), h.Logger, () => 0.0);
        client.Start();
        await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);

        card.Pulled = true;
        h.Registrar.StaleOnce = true;
        var removed = await client.StopAsync().WaitAsync(RegistrationHarness.Patience);

        Assert.False(removed);
        Assert.Equal(RegistrationState.Unregistered, client.Status.State);
    }

    /// <summary>A card that can be pulled: afterwards every answer fails as the PC/SC layer does.</summary>
    private sealed class PullableCard(string username, string password) : IDigestResponder
    {
        private readonly PasswordDigestResponder _inner = new(username, password);
        private int _answers;

        public volatile bool Pulled;

        public int Answers => Volatile.Read(ref _answers);

        public bool MayBlock => false;

        public bool Supports(DigestHashFunction hash) => _inner.Supports(hash);

        public ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct)
        {
            if (Pulled)
            {
                throw new IOException("card removed");
            }

            Interlocked.Increment(ref _answers);
            return _inner.RespondAsync(request, ct);
        }
    }
}
