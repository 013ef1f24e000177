namespace Gateway.Sip.Uris;

/// <summary>A URI of a scheme the stack does not interpret; kept opaque.</summary>
public sealed class AbsoluteUri : AddressUri
{
    internal AbsoluteUri(SipText text, SipText scheme)
        : base(text, scheme)
    {
    }

    /// <summary>Everything after "scheme:".</summary>
    public SipText SchemeSpecificPart => new(Text.Memory[(Scheme.Length + 1)..]);
}
