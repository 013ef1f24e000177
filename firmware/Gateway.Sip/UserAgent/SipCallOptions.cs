using System.Buffers;
using Gateway.Sip.Auth;
using Gateway.Sip.Message;
using Gateway.Sip.Uris;

namespace Gateway.Sip.UserAgent;

/// <summary>
/// The identity of one outgoing call when it is not the UA's own: whose address of record is in From (and so who
/// is billed), which digest client answers the proxy's challenge (the card of that user), which Contact user the
/// dialog uses, and extra headers (device id for the surcharge, location for emergency calls).
/// </summary>
public sealed record SipCallOptions
{
    // Headers the UA writes itself: a caller overriding them would break the transaction or the dialog.
    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Via", "v", "From", "f", "To", "t", "Call-ID", "i", "CSeq", "Contact", "m", "Max-Forwards", "Content-Length", "l",
        "Content-Type", "c", "Authorization", "Proxy-Authorization", "Route", "Record-Route", "Allow", "User-Agent",
    };

    private static readonly SearchValues<char> s_token = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~");
    private static readonly SearchValues<char> s_notInUri = SearchValues.Create("<>\r\n\" ");
    private static readonly SearchValues<char> s_lineBreaks = SearchValues.Create("\r\n\0");
    private static readonly SearchValues<char> s_userChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()&=+$,;?/");

    /// <summary>The From address of record, e.g. <c>sip:alice@example.net</c>; null uses the UA's own.</summary>
    public string? FromUri { get; init; }

    /// <summary>The From display name (plain text, quoted on the wire); null sends none.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The user part of this call's Contact (so the dialog's requests name the account); null uses the UA's own.</summary>
    public string? ContactUser { get; init; }

    /// <summary>Answers a 401/407 to this call's INVITE; null uses the UA's own authenticator.</summary>
    public DigestAuthenticator? Authenticator { get; init; }

    /// <summary>Extra headers of the INVITE (not of in-dialog requests), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Checks every value before anything is sent, so bad input is an exception here and never a broken message.</summary>
    /// <exception cref="ArgumentException">A value is malformed, or a header is one the UA writes itself.</exception>
    public void Validate()
    {
        if (FromUri is not null)
        {
            AddressUri parsed;
            try
            {
                parsed = AddressUri.Parse(FromUri);
            }
            catch (SipParseException ex)
            {
                throw new ArgumentException($"FromUri '{FromUri}' is not a URI: {ex.Message}", nameof(FromUri), ex);
            }

            if (parsed is not SipUri || FromUri.AsSpan().IndexOfAny(s_notInUri) >= 0)
            {
                throw new ArgumentException($"FromUri '{FromUri}' is not a plain sip/sips URI", nameof(FromUri));
            }
        }

        if (DisplayName is not null && (DisplayName.Length > 128 || DisplayName.AsSpan().IndexOfAny(s_lineBreaks) >= 0))
        {
            throw new ArgumentException("DisplayName must be one line of at most 128 characters", nameof(DisplayName));
        }

        if (ContactUser is not null && (ContactUser.Length is 0 or > 64 || ContactUser.AsSpan().IndexOfAnyExcept(s_userChars) >= 0))
        {
            throw new ArgumentException($"ContactUser '{ContactUser}' is not a SIP user part", nameof(ContactUser));
        }

        ArgumentNullException.ThrowIfNull(Headers, nameof(Headers));
        foreach (var (name, value) in Headers)
        {
            if (string.IsNullOrEmpty(name) || name.AsSpan().IndexOfAnyExcept(s_token) >= 0)
            {
                throw new ArgumentException($"header name '{name}' is not a token", nameof(Headers));
            }

            if (s_reserved.Contains(name))
            {
                throw new ArgumentException($"header '{name}' is written by the UA itself", nameof(Headers));
            }

            if (value is null || value.AsSpan().IndexOfAny(s_lineBreaks) >= 0)
            {
                throw new ArgumentException($"header '{name}' has no value or a line break in it", nameof(Headers));
            }
        }
    }

    /// <summary>The From header value (without the tag) for this call.</summary>
    internal string FromValue(SipLocalParty local)
    {
        var uri = FromUri ?? local.AddressOfRecord;
        return DisplayName is { Length: > 0 } name ? $"\"{DigestQuoting.Escape(name)}\" <{uri}>" : $"<{uri}>";
    }

    /// <summary>The Contact header value for this call.</summary>
    internal string ContactValue(SipLocalParty local) => ContactUser is { } user ? local.ContactFor(user) : local.Contact;
}
