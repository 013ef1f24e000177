using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Gateway.NetworkServer;

/// <summary>
/// Dial-string to E.164 normalisation, the same rules as route[E164] in
/// kamailio.cfg: <c>+CC...</c>, <c>1NXXNXXXXXX</c>, <c>NXXNXXXXXX</c> and <c>011CC...</c>.
/// </summary>
public static partial class FollowMeNumber
{
    /// <summary>Normalises a dial string to E.164.</summary>
    /// <param name="dialed">What the user dialled or an operator typed.</param>
    /// <param name="e164">The number with a leading <c>+</c>, or null.</param>
    /// <returns>True if the dial string is a telephone number the server routes.</returns>
    public static bool TryNormalize(string? dialed, [NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        if (string.IsNullOrEmpty(dialed))
        {
            return false;
        }

        if (E164().IsMatch(dialed))
        {
            e164 = dialed;
        }
        else if (NanpWithTrunkPrefix().IsMatch(dialed))
        {
            e164 = "+" + dialed;
        }
        else if (Nanp().IsMatch(dialed))
        {
            e164 = "+1" + dialed;
        }
        else if (International().IsMatch(dialed))
        {
            e164 = "+" + dialed[3..];
        }

        return e164 is not null;
    }

    [GeneratedRegex("^[+][1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();

    [GeneratedRegex("^1[2-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex NanpWithTrunkPrefix();

    [GeneratedRegex("^[2-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Nanp();

    [GeneratedRegex("^011[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex International();
}
