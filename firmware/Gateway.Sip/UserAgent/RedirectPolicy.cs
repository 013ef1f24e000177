using Gateway.Sip.Message;
using Gateway.Sip.Uris;

namespace Gateway.Sip.UserAgent;

/// <summary>
/// Which 3xx Contact an outgoing call tries next (RFC 3261 §8.1.3.4): highest q first, SIP URIs only,
/// never one already tried (a redirect loop ends there), at most a configured number of redirects.
/// Not thread-safe: the call uses it under its lock.
/// </summary>
internal sealed class RedirectPolicy
{
    private readonly HashSet<string> _tried = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _max;
    private int _count;

    public RedirectPolicy(int max, string firstTarget)
    {
        _max = max;
        _tried.Add(firstTarget);
    }

    public string? Next(SipResponse response)
    {
        if (_count >= _max || response.Contact is not { IsWildcard: false } contacts)
        {
            return null;
        }

        foreach (var contact in contacts.Items.OrderByDescending(c => c.Q ?? 1.0))
        {
            if (contact.Uri is SipUri && _tried.Add(contact.Uri.ToString()))
            {
                _count++;
                return contact.Uri.ToString();
            }
        }

        return null;
    }
}
