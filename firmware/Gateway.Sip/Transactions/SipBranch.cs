using System.Security.Cryptography;
using Gateway.Sip.Headers;

namespace Gateway.Sip.Transactions;

/// <summary>Creates RFC 3261 branch parameters (§8.1.1.7): the magic cookie plus a random identifier.</summary>
public static class SipBranch
{
    /// <summary>A new, globally unique branch.</summary>
    /// <returns>"z9hG4bK" followed by 20 hex digits.</returns>
    public static string Create() => SipVia.MagicCookie + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
}
