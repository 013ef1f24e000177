using System.Text;

namespace Gateway.Sip.Auth;

/// <summary>quoted-string content: the parser gives it with quoted-pairs intact, hashes need them resolved.</summary>
internal static class DigestQuoting
{
    /// <summary>unq(): resolves quoted-pairs (RFC 7616 §3.4 computes digests over unquoted values).</summary>
    public static string Unescape(string raw)
    {
        if (!raw.Contains('\\', StringComparison.Ordinal))
        {
            return raw;
        }

        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length)
            {
                i++;
            }

            sb.Append(raw[i]);
        }

        return sb.ToString();
    }

    /// <summary>Makes plain text safe between double quotes.</summary>
    public static string Escape(string plain) =>
        plain.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
