using Gateway.Sip.Message;

namespace Gateway.Sip.UserAgent;

/// <summary>
/// Reads the Reason header (RFC 3326) of a CANCEL: a forking proxy that cancels the other branches after one answered
/// sends <c>Reason: SIP;cause=200;text="Call completed elsewhere"</c> (RFC 3261 §16.7 point 10 asks it to say so), so
/// the losing phone need not show a missed call.
/// </summary>
public static class CancelReason
{
    /// <summary>True when the CANCEL says the call was answered elsewhere; malformed or absent Reasons say no.</summary>
    /// <param name="cancel">The CANCEL request.</param>
    /// <returns>Whether a Reason is <c>SIP;cause=200</c>.</returns>
    public static bool IsAnsweredElsewhere(SipRequest cancel)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        foreach (var value in cancel.GetValues("Reason"))
        {
            foreach (var reason in SplitOutsideQuotes(value.ToString(), ','))
            {
                if (IsSipCause200(reason))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsSipCause200(string reason)
    {
        var parts = SplitOutsideQuotes(reason, ';');
        if (parts.Count == 0 || !string.Equals(parts[0].Trim(), "SIP", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 1; i < parts.Count; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && string.Equals(parts[i][..eq].Trim(), "cause", StringComparison.OrdinalIgnoreCase)
                && parts[i][(eq + 1)..].Trim() == "200")
            {
                return true;
            }
        }

        return false;
    }

    // The text parameter is a quoted string that may hold ',' and ';'.
    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && quoted)
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
