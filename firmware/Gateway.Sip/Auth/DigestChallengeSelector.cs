using Gateway.Sip.Headers;
using Gateway.Sip.Message;

namespace Gateway.Sip.Auth;

/// <summary>Parses the challenge lines of a 401/407 and keeps, per realm, the strongest one the responder can answer.</summary>
internal static class DigestChallengeSelector
{
    public static (List<DigestCandidate> Chosen, List<string> Rejections, int DigestCount) Select(
        IReadOnlyList<SipText> lines, Func<DigestHashFunction, bool> supports)
    {
        var rejections = new List<string>();
        var best = new Dictionary<string, DigestCandidate>(StringComparer.Ordinal);
        var order = new List<string>();
        var digestCount = 0;
        foreach (var line in lines)
        {
            SipAuthChallenge challenge;
            try
            {
                challenge = SipAuthChallenge.Parse(line.Memory, 0);
            }
            catch (SipParseException e)
            {
                // One garbled line must not hide a good challenge on the next one.
                rejections.Add($"malformed challenge ({e.Error.Detail})");
                continue;
            }

            if (!challenge.IsDigest)
            {
                continue;
            }

            digestCount++;
            if (Check(challenge, supports, out var algorithm) is { } why)
            {
                rejections.Add(why);
                continue;
            }

            var candidate = new DigestCandidate(challenge, algorithm, challenge.Qop.Count == 0 ? null : "auth");
            var realm = candidate.RawRealm;
            if (!best.TryGetValue(realm, out var current))
            {
                order.Add(realm);
                best[realm] = candidate;
            }
            else if (algorithm.Hash > current.Algorithm.Hash)
            {
                best[realm] = candidate;
            }
        }

        return ([.. order.Select(r => best[r])], rejections, digestCount);
    }

    private static string? Check(SipAuthChallenge challenge, Func<DigestHashFunction, bool> supports, out DigestAlgorithm algorithm)
    {
        algorithm = default;
        if (challenge.Realm is null)
        {
            return "Digest challenge without realm";
        }

        if (string.IsNullOrEmpty(challenge.Nonce))
        {
            return $"Digest challenge for realm \"{challenge.Realm}\" without nonce";
        }

        if (!DigestAlgorithm.TryParse(challenge.Algorithm, out algorithm))
        {
            return $"unsupported algorithm {challenge.Algorithm}";
        }

        if (!supports(algorithm.Hash))
        {
            return $"algorithm {algorithm.Name} not available from the credentials";
        }

        var qop = challenge.Qop;
        if (qop.Count > 0 && !qop.Contains("auth", StringComparer.OrdinalIgnoreCase))
        {
            return $"unsupported qop \"{string.Join(',', qop)}\" (only auth is implemented)";
        }

        // -sess folds the cnonce into HA1, and RFC 2069 responses have no cnonce to fold.
        return qop.Count == 0 && algorithm.Session ? $"{algorithm.Name} without qop" : null;
    }
}
