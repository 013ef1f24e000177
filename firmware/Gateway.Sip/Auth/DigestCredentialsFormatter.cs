using System.Globalization;
using System.Text;

namespace Gateway.Sip.Auth;

/// <summary>Writes the credentials value in the parameter order and quoting of RFC 7616 §3.4.</summary>
internal static class DigestCredentialsFormatter
{
    /// <param name="request">What was computed.</param>
    /// <param name="username">The plain username, or H(username:realm) with userhash.</param>
    /// <param name="rawRealm">The realm exactly as quoted in the challenge (quoted-pairs intact).</param>
    /// <param name="rawNonce">The nonce exactly as quoted in the challenge.</param>
    /// <param name="rawOpaque">The opaque value exactly as quoted in the challenge, or null.</param>
    /// <param name="digest">The lower-case hex request-digest.</param>
    public static string Format(DigestRequest request, string username, string rawRealm, string rawNonce, string? rawOpaque, string digest)
    {
        // algorithm, qop and nc are tokens and go unquoted; everything else is a quoted-string.
        var sb = new StringBuilder("Digest ");
        sb.Append(CultureInfo.InvariantCulture, $"username=\"{DigestQuoting.Escape(username)}\", realm=\"{rawRealm}\", uri=\"{DigestQuoting.Escape(request.DigestUri)}\", ");
        sb.Append(CultureInfo.InvariantCulture, $"algorithm={request.Algorithm.Name}, nonce=\"{rawNonce}\"");
        if (request.Qop is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", nc={request.NonceCount}, cnonce=\"{DigestQuoting.Escape(request.Cnonce ?? string.Empty)}\", qop={request.Qop}");
        }

        sb.Append(CultureInfo.InvariantCulture, $", response=\"{digest}\"");
        if (rawOpaque is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", opaque=\"{rawOpaque}\"");
        }

        if (request.UserHash)
        {
            sb.Append(", userhash=true");
        }

        return sb.ToString();
    }
}
