using System.Text.Json;
using Gateway.SmartCard;
using Gateway.VirtualCard;
using CardDevice = Gateway.VirtualCard.VirtualCard;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>
/// Reads a virtual card file and checks what <see cref="CardDevice.Create"/> would trip over (a missing or null
/// <c>ha1</c> or <c>profile</c> makes it throw NullReferenceException), so commands can report one clear line.
/// </summary>
internal static class CardFileReader
{
    public static async Task<(VirtualCardFile? File, string? Error)> ReadAsync(string path, CancellationToken ct)
    {
        VirtualCardFile? file;
        try
        {
            await using var stream = File.OpenRead(path);
            file = await JsonSerializer.DeserializeAsync(stream, VirtualCardJsonContext.Default.VirtualCardFile, ct);
        }
        catch (JsonException e)
        {
            return (null, $"{path} is not a valid card file: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read {path}: {e.Message}");
        }

        var missing = file is null ? "everything (the file is JSON null)" : MissingField(file);
        return missing is null ? (file, null) : (null, $"{path} is not a valid card file: it lacks {missing}");
    }

    /// <summary>Creates the in-process card, turning the loader's exceptions into an error line.</summary>
    public static (CardDevice? Card, string? Error) Create(string path, VirtualCardFile file)
    {
        try
        {
            return (CardDevice.Create(file), null);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NullReferenceException or CardFormatException)
        {
            return (null, $"{path} is not a valid card file: {e.Message}");
        }
    }

    private static string? MissingField(VirtualCardFile file)
    {
        // Deserialization leaves explicit nulls in non-nullable properties; name the first one.
        var profile = file.Profile;
        string? missing = file.Ha1 is null ? "'ha1'"
            : profile is null ? "'profile'"
            : profile.FollowMeNumber is null ? "'profile.followMeNumber'"
            : profile.SipAor is null ? "'profile.sipAor'"
            : profile.AuthUser is null ? "'profile.authUser'"
            : profile.Realm is null ? "'profile.realm'"
            : profile.PreferredCodecs is null ? "'profile.preferredCodecs'"
            : profile.CallFilters is null ? "'profile.callFilters'"
            : profile.SpeedDials is null ? "'profile.speedDials'"
            : null;
        return missing;
    }
}
