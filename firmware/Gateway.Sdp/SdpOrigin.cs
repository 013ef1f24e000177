using System.Globalization;

namespace Gateway.Sdp;

/// <summary>The o= line (RFC 8866 §5.2). The session version must grow whenever the description changes.</summary>
/// <param name="Username">User name, "-" when none.</param>
/// <param name="SessionId">Numeric session id (kept as text: peers use very long numbers).</param>
/// <param name="SessionVersion">Version of this description.</param>
/// <param name="AddressType">"IP4" or "IP6".</param>
/// <param name="Address">Address of the originating host.</param>
public sealed record SdpOrigin(string Username, string SessionId, ulong SessionVersion, string AddressType, string Address)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Username} {SessionId} {SessionVersion} IN {AddressType} {Address}");
}
