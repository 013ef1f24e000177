using System.Diagnostics;
using System.Net;
using Gateway.Sip.Auth;
using Gateway.Sip.Registration;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Benchmarks.Registration;

/// <summary>
/// The gateway's <see cref="RegistrationClient"/> over every account of the environment on one UDP stack,
/// at most <c>limit</c> registrations in flight (as SIPp's -l). As with SIPp, bindings stay between runs (a later run
/// refreshes them with new Call-IDs); the clients are only unregistered on dispose.
/// </summary>
public sealed class GatewayRegisterRun : IAsyncDisposable
{
    private readonly RegistrationBenchEnvironment _env;
    private readonly SipStackHost _stack;
    private readonly List<RegistrationClient> _clients = [];

    public GatewayRegisterRun(RegistrationBenchEnvironment env)
    {
        _env = env;
        _stack = SipStackHost.CreateSocketStack(new IPEndPoint(IPAddress.Loopback, 0), new RefusingTransactionUser());
    }

    public async Task<RegisterRunResult> RunAsync(int limit)
    {
        var port = _stack.GetLocalEndPoint(SipTransportKind.Udp)!.Port;
        var registrar = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, _env.Server.Port));
        var statuses = new RegistrationStatus[_env.Count];
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = 0;
        var remaining = _env.Count;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();

        // As SIPp's -l: a registration that ends starts the next one from its own status event, with no semaphore or
        // extra task between them (those hops cost the harness more CPU than a registration's own work).
        void StartNext()
        {
            var i = Interlocked.Increment(ref next) - 1;
            if (i >= _env.Count)
            {
                return;
            }

            var user = RegistrationBenchEnvironment.User(i);
            var client = new RegistrationClient(_stack.Transactions, new RegistrationOptions
            {
                Aor = $"sip:{user}@127.0.0.1",
                RegistrarUri = $"sip:127.0.0.1:{_env.Server.Port}",
                Registrar = registrar,
                ContactUri = $"sip:{user}@127.0.0.1:{port}",
                UserAgent = null,
            }, new DigestAuthenticator(user, new PasswordDigestResponder(user, RegistrationBenchEnvironment.Password)));
            lock (_clients)
            {
                _clients.Add(client);
            }

            var reported = 0;
            client.StatusChanged += (_, s) =>
            {
                if (s.State is not (RegistrationState.Registered or RegistrationState.Failed) || Interlocked.Exchange(ref reported, 1) != 0)
                {
                    return;
                }

                statuses[i] = s;
                if (Interlocked.Decrement(ref remaining) == 0)
                {
                    finished.TrySetResult();
                }
                else
                {
                    StartNext();
                }
            };
            client.Start();
        }

        for (var i = 0; i < Math.Min(limit, _env.Count); i++)
        {
            StartNext();
        }

        await finished.Task;
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        var completed = statuses.Count(s => s.State == RegistrationState.Registered);
        var firstFailure = statuses.FirstOrDefault(s => s.State == RegistrationState.Failed);
        return new RegisterRunResult("Gateway", completed, _env.Count - completed, clock.Elapsed, cpu, firstFailure?.ToString())
        {
            AllocatedBytes = allocated,
            Collections = collections,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_clients.Select(c => c.StopAsync()));
        await _stack.DisposeAsync();
    }
}
