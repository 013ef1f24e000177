namespace Gateway.Sip.Auth;

/// <summary>What to do after a 401 or 407.</summary>
public enum DigestOutcome
{
    /// <summary>Resend the request with the new credentials.</summary>
    Retry,

    /// <summary>The response is not a 401 or 407.</summary>
    NotAChallenge,

    /// <summary>The 401/407 carries no Digest challenge at all.</summary>
    NoChallenge,

    /// <summary>Every Digest challenge is malformed or uses an algorithm or qop this client does not support.</summary>
    NoSupportedChallenge,

    /// <summary>The server challenged again credentials it had already been sent, without stale=true: the password is wrong.</summary>
    CredentialsRejected,
}
