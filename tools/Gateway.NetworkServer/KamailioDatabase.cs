using Microsoft.Data.Sqlite;

namespace Gateway.NetworkServer;

/// <summary>Opens the network server's SQLite database the way Kamailio expects it to be shared.</summary>
internal static class KamailioDatabase
{
    public static async Task<SqliteConnection> OpenAsync(string databasePath, bool readOnly, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException("The network server database does not exist; create-db.sh creates it.", databasePath);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            // No pooled handles: tests delete the database folder right after use.
            Pooling = false,
            // Kamailio's db_sqlite never waits for a lock, so we are the side that waits.
            DefaultTimeout = 10,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
