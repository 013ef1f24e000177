using Gateway.Sip.Auth;
using Gateway.Sip.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Sip.Registration;

/// <summary>
/// The registrations of one stack, one per binding (address of record + Contact; one per inserted card). The same
/// AOR may be bound from several Contacts of one box (the same user's cards in two stations, so a call forks to
/// both). Each runs on its own: its own Call-ID, CSeq, timers and credentials; they share only the transaction layer.
/// </summary>
public sealed class RegistrationSet : IAsyncDisposable
{
    private readonly SipTransactionLayer _transactions;
    private readonly ILogger _logger;
    private readonly Dictionary<(string Aor, string Contact), RegistrationClient> _byBinding = new(BindingComparer.Instance);
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
                return _byBinding.Count;
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
                return [.. _byBinding.Values];
            }
        }
    }

    /// <summary>Creates and starts the registration of an address of record.</summary>
    /// <param name="options">What to register where.</param>
    /// <param name="authenticator">The digest client of this account (its card); null when none is needed.</param>
    /// <param name="random">Jitter source for tests; null for <see cref="Random.Shared"/>.</param>
    /// <returns>The running registration.</returns>
    /// <exception cref="InvalidOperationException">The address of record is already registered here with the same Contact.</exception>
    public RegistrationClient Add(RegistrationOptions options, DigestAuthenticator? authenticator, Func<double>? random = null) =>
        Add(options, authenticator, null, random);

    /// <summary>Creates and starts the registration of an address of record, with an observer that sees every status from the first.</summary>
    /// <param name="options">What to register where.</param>
    /// <param name="authenticator">The digest client of this account (its card); null when none is needed.</param>
    /// <param name="observer">Subscribed to <see cref="RegistrationClient.StatusChanged"/> before the registration starts; null for none.</param>
    /// <param name="random">Jitter source for tests; null for <see cref="Random.Shared"/>.</param>
    /// <returns>The running registration.</returns>
    /// <exception cref="InvalidOperationException">The address of record is already registered here with the same Contact.</exception>
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
            if (!_byBinding.TryAdd((options.Aor, options.ContactUri), client))
            {
                throw new InvalidOperationException($"{options.Aor} is already registered with {options.ContactUri}.");
            }
        }

        client.Start();
        return client;
    }

    /// <summary>Finds a registration of an address of record (the first added when it is bound from several Contacts).</summary>
    /// <param name="aor">The address of record (compared ignoring case).</param>
    /// <returns>The registration, or null.</returns>
    public RegistrationClient? Find(string aor)
    {
        ArgumentNullException.ThrowIfNull(aor);
        lock (_gate)
        {
            return _byBinding.Values.FirstOrDefault(c => string.Equals(c.Aor, aor, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Stops (unregisters) and forgets every registration of an address of record.</summary>
    /// <param name="aor">The address of record.</param>
    /// <param name="ct">Gives up waiting for the unregisters early.</param>
    /// <returns>False when there was no such registration.</returns>
    public async Task<bool> RemoveAsync(string aor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(aor);
        RegistrationClient[] clients;
        lock (_gate)
        {
            clients = [.. _byBinding.Values.Where(c => string.Equals(c.Aor, aor, StringComparison.OrdinalIgnoreCase))];
            foreach (var client in clients)
            {
                _byBinding.Remove((client.Aor, client.ContactUri));
            }
        }

        await Task.WhenAll(clients.Select(c => c.StopAsync(ct))).ConfigureAwait(false);
        return clients.Length > 0;
    }

    /// <summary>
    /// Stops (unregisters) and forgets one registration, e.g. when its card is pulled; the AOR's other bindings from
    /// this box (the same user's card in another station) stay.
    /// </summary>
    /// <param name="client">The registration.</param>
    /// <param name="ct">Gives up waiting for the unregister early.</param>
    /// <returns>False when it was not in this set.</returns>
    public async Task<bool> RemoveAsync(RegistrationClient client, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        lock (_gate)
        {
            var key = (client.Aor, client.ContactUri);
            if (!_byBinding.TryGetValue(key, out var found) || !ReferenceEquals(found, client))
            {
                return false;
            }

            _byBinding.Remove(key);
        }

        await client.StopAsync(ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Unregisters every registration, in parallel, and forgets them.</summary>
    /// <returns>Completes when all are stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        RegistrationClient[] all;
        lock (_gate)
        {
            all = [.. _byBinding.Values];
            _byBinding.Clear();
        }

        await Task.WhenAll(all.Select(c => c.StopAsync()));
    }

    // AORs compare ignoring case as before; Contact URIs are ours and compared exactly.
    private sealed class BindingComparer : IEqualityComparer<(string Aor, string Contact)>
    {
        public static readonly BindingComparer Instance = new();

        public bool Equals((string Aor, string Contact) x, (string Aor, string Contact) y) =>
            string.Equals(x.Aor, y.Aor, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Contact, y.Contact, StringComparison.Ordinal);

        public int GetHashCode((string Aor, string Contact) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Aor), StringComparer.Ordinal.GetHashCode(obj.Contact));
    }
}
