namespace Gateway.Ctl.Commands;

/// <summary>Reads a password from the one source a command was given: the argument, a file, or standard input.</summary>
internal static class PasswordSource
{
    public static async Task<string?> ReadAsync(string? password, string? passwordFile, TextReader stdin, CancellationToken ct)
    {
        if (password is not null)
        {
            return password;
        }

        if (passwordFile is not null)
        {
            using var file = File.OpenText(passwordFile);
            return await file.ReadLineAsync(ct);
        }

        // Only the first line: "echo secret | gatewayctl ..." must not put the newline into the hash.
        return await stdin.ReadLineAsync(ct);
    }
}
