using Gateway.Sip.Auth;
using Gateway.Sip.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Sip.Registration;

/// <summary>
/// The registrations of one stack, one per address of record (one per inserted card). Each runs on its own:
/// its own Call-ID, CSeq, timers and credentials; they share only the transaction layer.
/// </summary>
public sealed class RegistrationSet : IAsyncDisposable
{
    private readonly SipTransactionLayer _transactions;
    private readonly ILogger _logger;
    private readonly Dictionary<string, RegistrationClient> _byAor = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>Creates an empty set.</summary>
    /// <param name="transactions">The stack's transaction layer.</param>
    /// <param name="logger">Passed to every registration.</param>
    public RegistrationSet(SipTransactionLayer transactions, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        _transactions = transactions;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Number of registrations.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byAor.Count;
            }
        }
    }

    /// <summary>A snapshot of the registrations.</summary>
    public IReadOnlyList<RegistrationClient> Registrations
    {
        get
        {
            lock (_gate)
            {
                return [.. _byAor.Values];
            }
        }
    }

    /// <summary>Creates and starts the registration of an address of record.</summary>
    /// <param name="options">What to register where.</param>
    /// <param name="authenticator">The digest client of this account (its card); null when none is needed.</param>
    /// <param name="random">Jitter source for tests; null for <see cref="Random.Shared"/>.</param>
    /// <returns>The running registration.</returns>
    /// <exception cref="InvalidOperationException">The address of record is already registered here.</exception>
    public RegistrationClient Add(RegistrationOptions options, DigestAuthenticator? authenticator, Func<double>? random = null) =>
        Add(options, authenticator, null, random);

    /// <summary>Creates and starts the registration of an address of record, with an observer that sees every status from the first.</summary>
    /// <param name="options">What to register where.</param>
    /// <param name="authenticator">The digest client of this account (its card); null when none is needed.</param>
    /// <param name="observer">Subscribed to <see cref="RegistrationClient.StatusChanged"/> before the registration starts; null for none.</param>
    /// <param name="random">Jitter source for tests; null for <see cref="Random.Shared"/>.</param>
    /// <returns>The running registration.</returns>
    /// <exception cref="InvalidOperationException">The address of record is already registered here.</exception>
    public RegistrationClient Add(RegistrationOptions options, DigestAuthenticator? authenticator, EventHandler<RegistrationStatus>? observer, Func<double>? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new RegistrationClient(_transactions, options, authenticator, _logger, random);
        if (observer is not null)
        {
            client.StatusChanged += observer;
        }

        lock (_gate)
        {
            if (!_byAor.TryAdd(options.Aor, client))
            {
                throw new InvalidOperationException($"{options.Aor} is already registered.");
            }
        }

        client.Start();
        return client;
    }

    /// <summary>Finds the registration of an address of record.</summary>
    /// <param name="aor">The address of record (compared ignoring case).</param>
    /// <returns>The registration, or null.</returns>
    public RegistrationClient? Find(string aor)
    {
        ArgumentNullException.ThrowIfNull(aor);
        lock (_gate)
        {
            return _byAor.GetValueOrDefault(aor);
        }
    }

    /// <summary>Stops (unregisters) and forgets one registration, e.g. when its card is pulled.</summary>
    /// <param name="aor">The address of record.</param>
    /// <param name="ct">Gives up waiting for the unregister early.</param>
    /// <returns>False when there was no such registration.</returns>
    public async Task<bool> RemoveAsync(string aor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(aor);
        RegistrationClient? client;
        lock (_gate)
        {
            if (!_byAor.Remove(aor, out client))
            {
                return false;
            }
        }

        await client.StopAsync(ct);
        return true;
    }

    /// <summary>Unregisters every registration, in parallel, and forgets them.</summary>
    /// <returns>Completes when all are stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        RegistrationClient[] all;
        lock (_gate)
        {
            all = [.. _byAor.Values];
            _byAor.Clear();
        }

        await Task.WhenAll(all.Select(c => c.StopAsync()));
    }
}
