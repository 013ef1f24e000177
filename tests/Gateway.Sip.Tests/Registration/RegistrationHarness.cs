using Gateway.Sip.Auth;
using Gateway.Sip.Registration;
using Gateway.Sip.Tests.Transactions;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Sip.Tests.Registration;

/// <summary>A transaction layer and a <see cref="FakeRegistrar"/> on a loopback network, on fake time.</summary>
internal sealed class RegistrationHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<RegistrationClient> _clients = [];

    public RegistrationHarness(SipTransportKind kind = SipTransportKind.Udp)
    {
        Kind = kind;
        var transports = new SipTransportLayer();
        transports.Add(Network.CreateTransport(kind, TestEndPoints.Client));
        Layer = new SipTransactionLayer(transports, new RecordingUser(), timeProvider: Time, logger: Logger);
        Registrar = new FakeRegistrar(Network, TestEndPoints.Registrar, Time, kind);
    }

    public SipTransportKind Kind { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public LoopbackSipNetwork Network { get; } = new();

    public RecordingLogger Logger { get; } = new();

    public SipTransactionLayer Layer { get; }

    public FakeRegistrar Registrar { get; }

    public RegistrationOptions Options(string user = "alice") => new()
    {
        Aor = $"sip:{user}@{FakeRegistrar.Realm}",
        RegistrarUri = $"sip:{FakeRegistrar.Realm}",
        Registrar = new SipEndPoint(Kind, TestEndPoints.Registrar),
        ContactUri = $"sip:{user}@127.0.0.1:5060",
        InstanceId = "urn:uuid:00000000-0000-4000-8000-00000000000" + (user.Length % 10),
        Backoff = new RegistrationBackoff { Base = TimeSpan.FromSeconds(30), Max = TimeSpan.FromSeconds(1800), RandomFactor = 0.5 },
    };

    public static DigestAuthenticator Authenticator(string user = "alice", string password = "secret") =>
        new(user, new PasswordDigestResponder(user, password));

    public RegistrationClient Start(RegistrationOptions options, string password = "secret", Func<double>? random = null)
    {
        var user = options.Aor[4..options.Aor.IndexOf('@', StringComparison.Ordinal)];
        var client = new RegistrationClient(Layer, options, Authenticator(user, password), Logger, random ?? (() => 0.0));
        _clients.Add(client);
        client.Start();
        return client;
    }

    public static Task<RegistrationStatus> WaitAsync(RegistrationClient client, Func<RegistrationStatus, bool> predicate) =>
        client.WaitForAsync(predicate).WaitAsync(Patience);

    public static Task<RegistrationStatus> WaitAsync(RegistrationClient client, RegistrationState state) =>
        client.WaitForStateAsync(state).WaitAsync(Patience);

    /// <summary>Moves the clock in small steps so every timer fires at its own time and its continuation can run.</summary>
    public async Task AdvanceAsync(TimeSpan by, TimeSpan? step = null)
    {
        var s = step ?? TimeSpan.FromSeconds(1);
        for (var moved = TimeSpan.Zero; moved < by; moved += s)
        {
            Time.Advance(s);
            await Task.Delay(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Registrar.Silent = false;
        foreach (var client in _clients)
        {
            var stopping = client.StopAsync();
            while (!stopping.IsCompleted)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(1);
            }
        }

        Layer.Dispose();
    }
}
