using Gateway.NetworkServer.IntegrationTests.Sip;

namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>
/// Kamailio 5.6 with <c>modparam("auth", "algorithm", "SHA-256")</c>: challenges
/// say algorithm=SHA-256 and auth_db checks against the ha1_sha256 column.
/// </summary>
public sealed class Sha256DigestTests : NetworkServerTestBase
{
    protected override NetworkServerOptions CreateOptions() => new()
    {
        PstnUri = $"sip:127.0.0.1:{PstnPort}",
        UseSha256 = true,
    };

    [Fact]
    public async Task Register_Sha256Digest_Accepted()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        using var client = new DigestRegisterClient(Server.Port);

        var (challenge, status) = await client.RegisterAsync("alice", "secret");

        Assert.Contains("algorithm=SHA-256", challenge, StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 200", status, StringComparison.Ordinal);
        Assert.Single(await Server.GetContactsAsync("alice"));
    }

    [Fact]
    public async Task Register_Sha256WrongPassword_Forbidden()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        using var client = new DigestRegisterClient(Server.Port);

        var (_, status) = await client.RegisterAsync("alice", "wrong");

        Assert.StartsWith("SIP/2.0 403", status, StringComparison.Ordinal);
        Assert.Empty(await Server.GetContactsAsync("alice"));
    }
}
