using System.Security.Cryptography;
using System.Text;

namespace Gateway.Telephony.Accounts;

/// <summary>
/// The <c>+sip.instance</c> of a station's reader (RFC 5626 §4.1, RFC 4122 §4.3 name-based UUID): stable for one box,
/// station and reader, different for every other reader. The registrar then keeps one binding per reader even when the
/// same user's cards sit in two stations (the call forks to both), and a reader's binding left behind by a lost
/// unregister is replaced by the next card of that user in the same reader rather than piling up.
/// </summary>
public static class ContactInstance
{
    /// <summary>The URN of one reader of one box.</summary>
    /// <param name="box">What identifies the box (its device id, else its SIP host:port).</param>
    /// <param name="stationId">The station.</param>
    /// <param name="reader">The reader.</param>
    /// <returns>E.g. <c>urn:uuid:6e1f0c3a-…</c>.</returns>
    public static string For(string box, string stationId, string reader)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(stationId);
        ArgumentNullException.ThrowIfNull(reader);

        // Length-prefixed parts, so ("a b", "c") and ("a", "b c") name different readers.
        var name = $"{box.Length}:{box}|{stationId.Length}:{stationId}|{reader.Length}:{reader}";
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 4122 version 5 is defined on SHA-1; this is a name, not a secret.
        SHA1.HashData(Encoding.UTF8.GetBytes(name), hash);
#pragma warning restore CA5350
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(uuid);
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
