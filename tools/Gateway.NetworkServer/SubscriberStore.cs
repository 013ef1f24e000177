using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Gateway.NetworkServer;

/// <summary>
/// Provisions subscribers in the Kamailio database: the <c>subscriber</c> row
/// auth_db reads (HA1 values only, the password column stays empty) and the
/// project's <c>follow_me</c> row. Safe to use while Kamailio runs: each call is
/// one short transaction.
/// </summary>
public sealed partial class SubscriberStore
{
    private const string SelectColumns =
        "select s.username, s.domain, f.follow_me_number, f.default_destination, s.ha1, s.ha1_sha256 " +
        "from subscriber s left join follow_me f on f.username = s.username and f.domain = s.domain ";

    private readonly string _databasePath;
    private readonly string _realm;

    /// <summary>Creates a store over an existing network server database.</summary>
    /// <param name="databasePath">Path of the SQLite file created by create-db.sh.</param>
    /// <param name="realm">The digest realm (and subscriber domain) the server is started with.</param>
    public SubscriberStore(string databasePath, string realm)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentException.ThrowIfNullOrEmpty(realm);
        _databasePath = databasePath;
        _realm = realm;
    }

    /// <summary>Adds a subscriber and its follow-me number.</summary>
    /// <param name="subscriber">The account to create.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored subscriber.</returns>
    /// <exception cref="ArgumentException">A field is not valid.</exception>
    /// <exception cref="InvalidOperationException">The username or follow-me number is taken.</exception>
    public async Task<Subscriber> AddAsync(NewSubscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ValidateUsername(subscriber.Username);
        ArgumentException.ThrowIfNullOrEmpty(subscriber.Password, nameof(subscriber));
        if (!FollowMeNumber.TryNormalize(subscriber.FollowMeNumber, out var number))
        {
            throw new ArgumentException($"'{subscriber.FollowMeNumber}' is not a routable telephone number.", nameof(subscriber));
        }

        var destination = NormalizeDestination(subscriber.DefaultDestination);
        var stored = new Subscriber(
            subscriber.Username,
            _realm,
            number,
            destination,
            DigestHa1.Md5(subscriber.Username, _realm, subscriber.Password),
            DigestHa1.Sha256(subscriber.Username, _realm, subscriber.Password));

        await using var connection = await KamailioDatabase.OpenAsync(_databasePath, readOnly: false, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, transaction,
                "insert into subscriber (username, domain, password, ha1, ha1b, ha1_sha256) values ($u, $d, '', $ha1, '', $sha)",
                cancellationToken, ("$u", stored.Username), ("$d", _realm), ("$ha1", stored.Ha1), ("$sha", stored.Ha1Sha256));
            await ExecuteAsync(connection, transaction,
                "insert into follow_me (username, domain, follow_me_number, default_destination) values ($u, $d, $n, $dest)",
                cancellationToken, ("$u", stored.Username), ("$d", _realm), ("$n", number), ("$dest", destination ?? string.Empty));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // 19 = SQLITE_CONSTRAINT: one of the UNIQUE indexes.
            throw new InvalidOperationException($"Subscriber '{stored.Username}' or number {number} already exists.", e);
        }

        return stored;
    }

    /// <summary>Finds one subscriber by SIP username.</summary>
    /// <param name="username">The SIP username.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscriber, or null.</returns>
    public async Task<Subscriber?> GetAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var found = await QueryAsync(SelectColumns + "where s.domain = $d and s.username = $u", cancellationToken, ("$u", username));
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Lists every subscriber of the realm, ordered by username.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscribers.</returns>
    public Task<IReadOnlyList<Subscriber>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(SelectColumns + "where s.domain = $d order by s.username", cancellationToken);

    /// <summary>Changes where calls go while the user is away.</summary>
    /// <param name="username">The SIP username.</param>
    /// <param name="defaultDestination">A <c>sip:</c> URI, a number, or null for none (480).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False if there is no such subscriber.</returns>
    public async Task<bool> SetDefaultDestinationAsync(string username, string? defaultDestination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var destination = NormalizeDestination(defaultDestination);
        await using var connection = await KamailioDatabase.OpenAsync(_databasePath, readOnly: false, cancellationToken);
        var changed = await ExecuteAsync(connection, null,
            "update follow_me set default_destination = $dest where username = $u and domain = $d",
            cancellationToken, ("$u", username), ("$d", _realm), ("$dest", destination ?? string.Empty));
        return changed > 0;
    }

    /// <summary>Removes a subscriber and its follow-me number. Current registrations expire on their own.</summary>
    /// <param name="username">The SIP username.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False if there was no such subscriber.</returns>
    public async Task<bool> RemoveAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        await using var connection = await KamailioDatabase.OpenAsync(_databasePath, readOnly: false, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "delete from follow_me where username = $u and domain = $d",
            cancellationToken, ("$u", username), ("$d", _realm));
        var removed = await ExecuteAsync(connection, transaction, "delete from subscriber where username = $u and domain = $d",
            cancellationToken, ("$u", username), ("$d", _realm));
        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    private async Task<IReadOnlyList<Subscriber>> QueryAsync(
        string sql, CancellationToken cancellationToken, params (string Name, string Value)[] parameters)
    {
        await using var connection = await KamailioDatabase.OpenAsync(_databasePath, readOnly: true, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$d", _realm);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = new List<Subscriber>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new Subscriber(
                reader.GetString(0),
                reader.GetString(1),
                NullIfEmpty(reader, 2),
                NullIfEmpty(reader, 3),
                reader.GetString(4),
                reader.GetString(5)));
        }

        return result;
    }

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, string Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? NullIfEmpty(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) || reader.GetString(ordinal).Length == 0 ? null : reader.GetString(ordinal);

    private static void ValidateUsername(string username)
    {
        // kamailio.cfg puts usernames into SQL text; this character set keeps that safe.
        if (string.IsNullOrEmpty(username) || !UsernamePattern().IsMatch(username))
        {
            throw new ArgumentException($"'{username}' is not a valid username (1-64 of A-Z a-z 0-9 . _ -).", nameof(username));
        }
    }

    private static string? NormalizeDestination(string? destination)
    {
        if (string.IsNullOrWhiteSpace(destination))
        {
            return null;
        }

        if (destination.StartsWith("sip:", StringComparison.Ordinal) && !destination.Any(char.IsWhiteSpace))
        {
            return destination;
        }

        if (FollowMeNumber.TryNormalize(destination, out var number))
        {
            return number;
        }

        throw new ArgumentException($"'{destination}' is neither a sip: URI nor a telephone number.", nameof(destination));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
