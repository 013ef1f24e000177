using Gateway.Sip.Message;

namespace Gateway.Telephony.Calls;

/// <summary>Who calls, from the INVITE's From (untrusted: anything unparsable is treated as anonymous).</summary>
internal sealed record IncomingCallerId(string? Number, string? Name, IReadOnlyList<string> AlertInfo)
{
    /// <summary>Gets what the display shows: the name and number, the number, or "Anonymous".</summary>
    public string Display => (Name, Number) switch
    {
        ({ Length: > 0 } name, { } number) => name + " " + number,
        ({ Length: > 0 } name, null) => name,
        (_, { } number) => number,
        _ => "Anonymous",
    };

    public static IncomingCallerId From(SipRequest invite)
    {
        string? number = null;
        string? name = null;
        try
        {
            if (invite.From is { } from)
            {
                name = from.DisplayName.IsEmpty ? null : from.DisplayName.ToString().Trim('"', ' ');
                number = UserPart(from.Uri.ToString());
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // A From the parser accepted but we cannot read: the caller is anonymous.
        }

        IReadOnlyList<string> alertInfo;
        try
        {
            alertInfo = [.. invite.GetValues("Alert-Info").Select(v => v.ToString())];
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            alertInfo = [];
        }

        if (string.Equals(number, "anonymous", StringComparison.OrdinalIgnoreCase))
        {
            number = null;
        }

        return new IncomingCallerId(number, string.IsNullOrWhiteSpace(name) ? null : name, alertInfo);
    }

    private static string? UserPart(string uri)
    {
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var rest = uri[(colon + 1)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var user = uri.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? rest : at > 0 ? rest[..at] : null;
        user = user?.Split(';', 2)[0];
        return string.IsNullOrWhiteSpace(user) || user.Length > 64 ? null : user;
    }
}
