using Gateway.Sip.Headers;
using Gateway.Sip.Uris;

namespace Gateway.Sip.Dialogs;

/// <summary>Request-URI and Route header values of an in-dialog request (RFC 3261 §12.2.1.1).</summary>
public static class DialogRouting
{
    /// <summary>Computes where an in-dialog request goes.</summary>
    /// <param name="remoteTarget">The dialog's remote target.</param>
    /// <param name="routeSet">The dialog's route set.</param>
    /// <returns>The Request-URI and the Route values in order.</returns>
    public static (string RequestUri, IReadOnlyList<string> Routes) Compute(AddressUri remoteTarget, IReadOnlyList<SipNameAddress> routeSet)
    {
        ArgumentNullException.ThrowIfNull(remoteTarget);
        ArgumentNullException.ThrowIfNull(routeSet);
        if (routeSet.Count == 0)
        {
            return (remoteTarget.ToString(), []);
        }

        if (routeSet[0].Uri is SipUri { IsLooseRouter: true })
        {
            return (remoteTarget.ToString(), routeSet.Select(r => r.ToString()).ToArray());
        }

        // Strict router: it becomes the Request-URI (without header parameters, which a Request-URI
        // cannot carry) and the remote target goes last in the Route set.
        var first = routeSet[0].Uri.ToString();
        var question = first.IndexOf('?', StringComparison.Ordinal);
        var requestUri = question < 0 ? first : first[..question];
        var routes = routeSet.Skip(1).Select(r => r.ToString()).Append($"<{remoteTarget}>").ToArray();
        return (requestUri, routes);
    }
}
