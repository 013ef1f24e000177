using Gateway.Sip.Headers;
using Gateway.Sip.Message;

namespace Gateway.Sip.Registration;

/// <summary>Reads what a registrar granted from its 2xx and 423, tolerating malformed headers.</summary>
internal static class RegistrationResponseReader
{
    /// <summary>
    /// The expiry granted to our contact (RFC 3261 §10.2.4): the expires parameter of the matching Contact,
    /// else the Expires header, else what was asked for. Unreadable values count as absent.
    /// </summary>
    public static uint GrantedExpiry(SipResponse response, RegistrationOptions options, uint requested)
    {
        if (FindOurContact(response, options)?.Expires is { } fromContact)
        {
            return fromContact;
        }

        try
        {
            return response.Expires ?? requested;
        }
        catch (SipParseException)
        {
            return requested;
        }
    }

    /// <summary>The Min-Expires of a 423, or null when absent or unreadable.</summary>
    public static uint? MinExpires(SipResponse response)
    {
        try
        {
            return response.MinExpires;
        }
        catch (SipParseException)
        {
            return null;
        }
    }

    private static SipNameAddress? FindOurContact(SipResponse response, RegistrationOptions options)
    {
        SipContactList? contacts;
        try
        {
            contacts = response.Contact;
        }
        catch (SipParseException)
        {
            return null;
        }

        if (contacts is null || contacts.IsWildcard)
        {
            return null;
        }

        foreach (var contact in contacts.Items)
        {
            // The instance identifies this device even when the registrar rewrote the URI (RFC 5626 §6).
            if (options.InstanceId is { } instance && contact.SipInstance is { } theirs
                && string.Equals(Unbracket(theirs), instance, StringComparison.OrdinalIgnoreCase))
            {
                return contact;
            }
        }

        foreach (var contact in contacts.Items)
        {
            if (string.Equals(contact.Uri.Text.ToString(), options.ContactUri, StringComparison.OrdinalIgnoreCase))
            {
                return contact;
            }
        }

        return null;
    }

    private static string Unbracket(string value) =>
        value.Length >= 2 && value[0] == '<' && value[^1] == '>' ? value[1..^1] : value;
}
