namespace Gateway.NetworkServer;

/// <summary>Creates the network server's SQLite database (Kamailio's tables plus this project's) with create-db.sh.</summary>
public static class NetworkServerDatabase
{
    /// <summary>Creates a new database file.</summary>
    /// <param name="databasePath">Where to create it; must not exist yet.</param>
    /// <param name="scriptDirectory">Folder holding create-db.sh and schema.sql; null uses the copy next to this assembly.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the file exists.</returns>
    public static async Task CreateAsync(string databasePath, string? scriptDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        var scripts = scriptDirectory ?? Path.Combine(AppContext.BaseDirectory, "network-server");
        var (exitCode, output, error) = await CommandRunner.RunAsync(
            "bash", [Path.Combine(scripts, "create-db.sh"), Path.GetFullPath(databasePath)], TimeSpan.FromSeconds(30), cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"create-db.sh failed (exit {exitCode}): {output}{error}");
        }
    }
}
