namespace Gateway.Ctl.Commands.Subscribers;

/// <summary>Reads the password from the one source the settings name.</summary>
internal static class PasswordReader
{
    public static async Task<string?> ReadAsync(SubscriberAddSettings settings, TextReader stdin, CancellationToken ct)
    {
        if (settings.Password is not null)
        {
            return settings.Password;
        }

        if (settings.PasswordFile is not null)
        {
            using var file = File.OpenText(settings.PasswordFile);
            return await file.ReadLineAsync(ct);
        }

        // Only the first line: "echo secret | gatewayctl ..." must not store the newline in the hash.
        return await stdin.ReadLineAsync(ct);
    }
}
