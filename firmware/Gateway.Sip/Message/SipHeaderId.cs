namespace Gateway.Sip.Message;

/// <summary>Headers the stack knows by name; everything else is <see cref="Unknown"/> and kept verbatim.</summary>
public enum SipHeaderId
{
    /// <summary>An extension header the stack does not interpret.</summary>
    Unknown = 0,
#pragma warning disable CS1591 // The members are the RFC header names; a comment would repeat them.
    Accept,
    AcceptContact,
    AlertInfo,
    Allow,
    AllowEvents,
    Authorization,
    CallId,
    Contact,
    ContentEncoding,
    ContentLength,
    ContentType,
    CSeq,
    Date,
    Event,
    Expires,
    From,
    Geolocation,
    Identity,
    IdentityInfo,
    MaxForwards,
    MinExpires,
    PAssertedIdentity,
    ProxyAuthenticate,
    ProxyAuthorization,
    ProxyRequire,
    RecordRoute,
    ReferredBy,
    ReferTo,
    RejectContact,
    RequestDisposition,
    Require,
    Route,
    SessionExpires,
    Subject,
    Supported,
    To,
    Unsupported,
    Via,
    WwwAuthenticate,
#pragma warning restore CS1591
}
