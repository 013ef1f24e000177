namespace Gateway.Ctl.Commands.Cards;

/// <summary>Reads the first line of a password file, or of standard input.</summary>
internal static class CardPasswordReader
{
    public static async Task<string?> ReadAsync(string? passwordFile, TextReader stdin, CancellationToken ct)
    {
        if (passwordFile is not null)
        {
            using var file = File.OpenText(passwordFile);
            return await file.ReadLineAsync(ct);
        }

        // Only the first line: "echo secret | gatewayctl ..." must not hash the newline.
        return await stdin.ReadLineAsync(ct);
    }
}
