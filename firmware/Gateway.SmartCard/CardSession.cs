using Gateway.Sip.Auth;
using Microsoft.Extensions.Logging;

namespace Gateway.SmartCard;

/// <summary>
/// One traveller's card in one reader: the validated account and a digest responder. Disposing ends the session:
/// the raw record and any HA1 are zeroed, every reference to user data is dropped, and the transceiver (if
/// disposable) is released. Accessing user data afterwards throws <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class CardSession : IDisposable
{
    private readonly CardTransceiver _transceiver;
    private byte[]? _rawRecord;
    private CardSecrets? _secrets;
    private AccountProfile? _profile;
    private IDigestResponder? _responder;
    private CardDigestResponder? _digestResponder;

    internal CardSession(
        string readerName,
        CardTransceiver transceiver,
        AccountProfile profile,
        byte[] rawRecord,
        FollowMeCardClient client,
        CardApplicationInfo? application,
        CardSecrets? storageSecrets,
        ILogger logger)
    {
        ReaderName = readerName;
        _transceiver = transceiver;
        _profile = profile;
        _rawRecord = rawRecord;
        _secrets = storageSecrets;
        Application = application;
        _responder = application is not null
            ? new OnCardDigestResponder(client, application, this)
            : new GatewayDigestResponder(storageSecrets!, this, logger);
        _digestResponder = new CardDigestResponder(this);
    }

    /// <summary>The PC/SC reader (or other source) the card sits in.</summary>
    public string ReaderName { get; }

    /// <summary>What the applet announced; null for a storage card.</summary>
    public CardApplicationInfo? Application { get; }

    /// <summary>True for a storage card (digest computed on the gateway).</summary>
    public bool IsStorageCard => Application is null;

    /// <summary>True after <see cref="Dispose"/>.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>The full account.</summary>
    public AccountProfile Profile => Live(_profile);

    /// <summary>Display name, falling back to the auth user.</summary>
    public string DisplayName => Profile.DisplayName is { Length: > 0 } name ? name : Profile.AuthUser;

    /// <summary>Follow-me number (E.164).</summary>
    public string FollowMeNumber => Profile.FollowMeNumber;

    /// <summary>SIP address of record.</summary>
    public string SipAor => Profile.SipAor;

    /// <summary>Digest username.</summary>
    public string AuthUser => Profile.AuthUser;

    /// <summary>Digest realm.</summary>
    public string Realm => Profile.Realm;

    /// <summary>Call filter rules in order.</summary>
    public IReadOnlyList<CallFilterRule> CallFilters => Profile.CallFilters;

    /// <summary>Speed dials.</summary>
    public IReadOnlyList<SpeedDial> SpeedDials => Profile.SpeedDials;

    /// <summary>Computes SIP digest responses for this account (on the card, or on the gateway for storage cards).</summary>
    public CardDigestResponder DigestResponder => Live(_digestResponder);

    /// <summary>The strategy behind <see cref="DigestResponder"/>: on-card or on-gateway.</summary>
    internal IDigestResponder InnerResponder => Live(_responder);

    /// <summary>Ends the session and wipes the user's data.</summary>
    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        if (_rawRecord is not null)
        {
            Array.Clear(_rawRecord);
        }

        _secrets?.Dispose();
        (_responder as IDisposable)?.Dispose();
        _rawRecord = null;
        _secrets = null;
        _profile = null;
        _responder = null;
        _digestResponder = null;
        (_transceiver as IDisposable)?.Dispose();
    }

    private T Live<T>(T? value)
        where T : class
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return value!;
    }
}
