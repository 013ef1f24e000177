using Microsoft.Data.Sqlite;

namespace Gateway.Ctl.Commands.Subscribers;

/// <summary>Which realms a database holds; SubscriberStore works on one realm at a time.</summary>
internal static class SubscriberRealms
{
    public static Task<List<string>> ListAsync(string databasePath, CancellationToken ct) =>
        QueryAsync(databasePath, "select distinct domain from subscriber order by domain", null, ct);

    public static Task<List<string>> OfUserAsync(string databasePath, string username, CancellationToken ct) =>
        QueryAsync(databasePath, "select distinct domain from subscriber where username = $u order by domain", username, ct);

    private static async Task<List<string>> QueryAsync(string databasePath, string sql, string? username, CancellationToken ct)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (username is not null)
        {
            command.Parameters.AddWithValue("$u", username);
        }

        var realms = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            realms.Add(reader.GetString(0));
        }

        return realms;
    }
}
