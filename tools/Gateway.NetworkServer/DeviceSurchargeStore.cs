using System.Text.RegularExpressions;

namespace Gateway.NetworkServer;

/// <summary>
/// The per-call surcharge each gateway box adds, keyed by the device id it
/// sends in <c>X-Gateway-Device</c>. Kamailio reads it at call set-up.
/// </summary>
public sealed partial class DeviceSurchargeStore
{
    private readonly string _databasePath;

    /// <summary>Creates a store over an existing network server database.</summary>
    /// <param name="databasePath">Path of the SQLite file created by create-db.sh.</param>
    public DeviceSurchargeStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        _databasePath = databasePath;
    }

    /// <summary>Sets (or replaces) a device's surcharge.</summary>
    /// <param name="deviceId">Device id as the gateway sends it (1-64 of A-Z a-z 0-9 . _ : -).</param>
    /// <param name="surchargeCents">Surcharge per call, in cents.</param>
    /// <param name="description">Free text, e.g. the lobby's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when stored.</returns>
    public async Task SetAsync(string deviceId, int surchargeCents, string description = "", CancellationToken cancellationToken = default)
    {
        // kamailio.cfg accepts only these characters from the header; others never match a row.
        if (string.IsNullOrEmpty(deviceId) || !DeviceIdPattern().IsMatch(deviceId))
        {
            throw new ArgumentException($"'{deviceId}' is not a valid device id.", nameof(deviceId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(surchargeCents);
        ArgumentNullException.ThrowIfNull(description);

        await using var connection = await KamailioDatabase.OpenAsync(_databasePath, readOnly: false, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "insert into device_surcharge (device_id, surcharge_cents, description) values ($id, $c, $text) " +
            "on conflict(device_id) do update set surcharge_cents = excluded.surcharge_cents, description = excluded.description";
        command.Parameters.AddWithValue("$id", deviceId);
        command.Parameters.AddWithValue("$c", surchargeCents);
        command.Parameters.AddWithValue("$text", description);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Reads a device's surcharge.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The surcharge in cents, or null if the device has none.</returns>
    public async Task<int?> GetAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        await using var connection = await KamailioDatabase.OpenAsync(_databasePath, readOnly: true, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "select surcharge_cents from device_surcharge where device_id = $id";
        command.Parameters.AddWithValue("$id", deviceId);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceIdPattern();
}
