namespace Gateway.Telephony.Accounts;

/// <summary>
/// The accounts of the cards inserted right now, found by Contact user (incoming calls), reader (card removal) or
/// station (status, outgoing calls). Thread-safe: the card loop adds and removes while the SIP stack looks up.
/// </summary>
public sealed class AccountDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FollowMeAccount> _byContactUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FollowMeAccount> _byReader = new(StringComparer.Ordinal);

    /// <summary>Gets the number of accounts.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byContactUser.Count;
            }
        }
    }

    /// <summary>Adds the account of a newly accepted card.</summary>
    /// <param name="account">The account.</param>
    /// <exception cref="InvalidOperationException">The reader already holds an account, or the Contact user is taken, or the account is wiped.</exception>
    public void Add(FollowMeAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            if (account.IsWiped)
            {
                throw new InvalidOperationException("a wiped account cannot be added");
            }

            if (_byReader.ContainsKey(account.Reader))
            {
                throw new InvalidOperationException($"reader {account.Reader} already holds an account");
            }

            if (!_byContactUser.TryAdd(account.ContactUser, account))
            {
                throw new InvalidOperationException("the Contact user is already in use");
            }

            _byReader.Add(account.Reader, account);
        }
    }

    /// <summary>Removes an account (its card came out); lookups stop finding it at once.</summary>
    /// <param name="account">The account.</param>
    /// <returns>False when it was not here.</returns>
    public bool Remove(FollowMeAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            if (!_byContactUser.TryGetValue(account.ContactUser, out var found) || !ReferenceEquals(found, account))
            {
                return false;
            }

            _byContactUser.Remove(account.ContactUser);
            _byReader.Remove(account.Reader);
            return true;
        }
    }

    /// <summary>Finds the account an incoming request's Request-URI user names.</summary>
    /// <param name="contactUser">The Request-URI user part.</param>
    /// <returns>The account, or null (unknown, or already removed).</returns>
    public FollowMeAccount? FindByContactUser(string contactUser)
    {
        ArgumentNullException.ThrowIfNull(contactUser);
        lock (_gate)
        {
            return _byContactUser.GetValueOrDefault(contactUser);
        }
    }

    /// <summary>Finds the account of the card in a reader.</summary>
    /// <param name="reader">The reader name.</param>
    /// <returns>The account, or null.</returns>
    public FollowMeAccount? FindByReader(string reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        lock (_gate)
        {
            return _byReader.GetValueOrDefault(reader);
        }
    }

    /// <summary>Lists the accounts of a station's readers, ordered by reader.</summary>
    /// <param name="stationId">The station id.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<FollowMeAccount> ForStation(string stationId)
    {
        ArgumentNullException.ThrowIfNull(stationId);
        lock (_gate)
        {
            return [.. _byReader.Values.Where(a => a.StationId == stationId).OrderBy(a => a.Reader, StringComparer.Ordinal)];
        }
    }
}
