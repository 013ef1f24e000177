using System.Data.Common;

namespace Gateway.NetworkServer;

/// <summary>
/// Reads billing data Kamailio's acc module wrote: <c>acc</c> (one row per
/// accounted transaction), <c>missed_calls</c> (calls no phone took) and
/// <c>acc_cdrs</c> (one row per answered call).
/// </summary>
public sealed class CdrReader
{
    // db_sqlite stores times as Julian-day REALs; julianday() also accepts text.
    private const string CallsSql =
        "select callid, src_user, dst_user, billed_user, device_id, surcharge_cents, " +
        "(julianday(start_time) - 2440587.5) * 86400.0, duration from acc_cdrs order by id";

    private const string EventColumns =
        "select method, callid, sip_code, src_user, dst_user, src_ip, billed_user, device_id, surcharge_cents, " +
        "(julianday(time) - 2440587.5) * 86400.0, sip_reason from ";

    private readonly string _databasePath;

    /// <summary>Creates a reader over a network server database.</summary>
    /// <param name="databasePath">Path of the SQLite file.</param>
    public CdrReader(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        _databasePath = databasePath;
    }

    /// <summary>Reads every call detail record, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records.</returns>
    public async Task<IReadOnlyList<CallDetailRecord>> ReadCallsAsync(CancellationToken cancellationToken = default)
    {
        return await ReadAsync(CallsSql, r => new CallDetailRecord(
            Text(r, 0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Number(r, 5),
            FromUnixSeconds(r.GetDouble(6)),
            TimeSpan.FromSeconds(r.GetDouble(7))), cancellationToken);
    }

    /// <summary>Reads every accounted transaction, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The events.</returns>
    public Task<IReadOnlyList<AccountingEvent>> ReadEventsAsync(CancellationToken cancellationToken = default) =>
        ReadTableAsync("acc", cancellationToken);

    /// <summary>Reads every missed call (acc's db_missed_flag: the INVITE failed at every phone), oldest first.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The missed calls.</returns>
    public Task<IReadOnlyList<AccountingEvent>> ReadMissedCallsAsync(CancellationToken cancellationToken = default) =>
        ReadTableAsync("missed_calls", cancellationToken);

    private async Task<IReadOnlyList<AccountingEvent>> ReadTableAsync(string table, CancellationToken cancellationToken)
    {
        return await ReadAsync(EventColumns + table + " order by id", r => new AccountingEvent(
            Text(r, 0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7), Number(r, 8),
            FromUnixSeconds(r.GetDouble(9)), Text(r, 10)), cancellationToken);
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await KamailioDatabase.OpenAsync(_databasePath, readOnly: true, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(map(reader));
        }

        return result;
    }

    // acc writes NULL for an unset variable (e.g. a call with no device header).
    private static string Text(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? string.Empty : Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    private static int Number(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset FromUnixSeconds(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000.0));
}
