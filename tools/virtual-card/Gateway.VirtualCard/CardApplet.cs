using System.Buffers.Binary;
using System.Text;
using Gateway.Sip.Auth;
using Gateway.SmartCard;

namespace Gateway.VirtualCard;

/// <summary>
/// The card-side logic of docs/card-profile.md for the three card kinds. Not thread-safe; <see cref="VirtualCard"/>
/// serializes access.
/// </summary>
internal sealed class CardApplet
{
    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);
    private readonly VirtualCardKind _kind;
    private readonly byte[]? _pin;
    private readonly CardSecrets _secrets;
    private readonly string _realm;
    private readonly string _authUser;
    private readonly byte[] _record;
    private readonly CardCapabilities _capabilities;
    private bool _selected;
    private bool _pinVerified;

    public CardApplet(VirtualCardFile file, CardSecrets secrets)
    {
        _kind = file.Kind;
        _pin = file.Pin is null ? null : Encoding.ASCII.GetBytes(file.Pin);
        PinTriesLeft = file.PinTriesLeft;
        _secrets = secrets;
        _realm = file.Profile.Realm;
        _authUser = file.Profile.AuthUser;
        _record = file.RecordOverrideHex is not null ? Convert.FromHexString(file.RecordOverrideHex)
            : _kind == VirtualCardKind.Storage
            ? AccountProfileCodec.Encode(file.Profile, secrets)
            : AccountProfileCodec.Encode(file.Profile);
        _capabilities = (_pin is null ? CardCapabilities.None : CardCapabilities.PinRequired)
            | (secrets.Algorithms.Contains(DigestHashFunction.Md5) ? CardCapabilities.Md5 : 0)
            | (secrets.Algorithms.Contains(DigestHashFunction.Sha256) ? CardCapabilities.Sha256 : 0)
            | (secrets.Algorithms.Contains(DigestHashFunction.Sha512T256) ? CardCapabilities.Sha512T256 : 0);
    }

    public int PinTriesLeft { get; private set; }

    public void ResetSession()
    {
        _selected = false;
        _pinVerified = false;
    }

    public ResponseApdu Process(CommandApdu command)
    {
        if (command.Cla == FollowMeApplication.ClaProprietary)
        {
            return _kind == VirtualCardKind.Applet && command.Ins == FollowMeApplication.InsInternalAuthenticate
                ? InternalAuthenticate(command)
                : Sw(StatusWords.InstructionNotSupported);
        }

        if (command.Cla != 0x00)
        {
            return Sw(StatusWords.ClassNotSupported);
        }

        return command.Ins switch
        {
            FollowMeApplication.InsSelect => Select(command),
            FollowMeApplication.InsVerify when _kind == VirtualCardKind.Applet => Verify(command),
            FollowMeApplication.InsReadBinary when _kind != VirtualCardKind.None => Read(command),
            _ => Sw(StatusWords.InstructionNotSupported),
        };
    }

    private static ResponseApdu Sw(ushort sw) => new([], sw);

    private ResponseApdu Select(CommandApdu command)
    {
        _selected = false;
        _pinVerified = false;
        if (command.P1 == 0x04 && command.P2 == 0x00)
        {
            if (_kind != VirtualCardKind.Applet || !command.Data.Span.SequenceEqual(FollowMeApplication.Aid))
            {
                return Sw(StatusWords.FileNotFound);
            }

            _selected = true;
            Span<byte> length = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)_record.Length);
            var fci = BerTlv.Constructed(FollowMeApplication.TagFci,
            [
                BerTlv.Primitive(FollowMeApplication.TagDfName, FollowMeApplication.Aid),
                BerTlv.Constructed(FollowMeApplication.TagFciProprietary,
                [
                    BerTlv.Primitive(FollowMeApplication.TagVersion, [1, 0]),
                    BerTlv.Primitive(FollowMeApplication.TagCapabilities, [(byte)_capabilities]),
                    BerTlv.Primitive(FollowMeApplication.TagRecordLength, length),
                    BerTlv.Primitive(FollowMeApplication.TagChunk, [FollowMeApplication.DefaultChunk]),
                ]),
            ]);
            return new ResponseApdu(fci.Encode(), StatusWords.Success);
        }

        if (command.P1 == 0x00 && command.P2 == 0x0C && command.Data.Length == 2)
        {
            var fid = BinaryPrimitives.ReadUInt16BigEndian(command.Data.Span);
            if (_kind != VirtualCardKind.Storage || fid != FollowMeApplication.StorageFileId)
            {
                return Sw(StatusWords.FileNotFound);
            }

            _selected = true;
            return Sw(StatusWords.Success);
        }

        return _kind == VirtualCardKind.None ? Sw(StatusWords.FileNotFound) : Sw(StatusWords.IncorrectP1P2);
    }

    private ResponseApdu Verify(CommandApdu command)
    {
        if (command.P1 != 0x00 || command.P2 != FollowMeApplication.PinReference)
        {
            return Sw(StatusWords.IncorrectP1P2);
        }

        if (!_selected)
        {
            return Sw(StatusWords.ConditionsNotSatisfied);
        }

        if (_pin is null)
        {
            return Sw(StatusWords.Success);
        }

        if (PinTriesLeft == 0)
        {
            return Sw(StatusWords.PinBlocked);
        }

        var presented = command.Data.Span;
        if (presented.IsEmpty)
        {
            return _pinVerified ? Sw(StatusWords.Success) : Sw((ushort)(0x63C0 | PinTriesLeft));
        }

        if (presented.Length is < 4 or > 12)
        {
            return Sw(StatusWords.WrongLength);
        }

        if (presented.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return Sw(StatusWords.IncorrectData);
        }

        if (System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(presented, _pin))
        {
            PinTriesLeft = FollowMeApplication.PinTryLimit;
            _pinVerified = true;
            return Sw(StatusWords.Success);
        }

        _pinVerified = false;
        PinTriesLeft--;
        return PinTriesLeft == 0 ? Sw(StatusWords.PinBlocked) : Sw((ushort)(0x63C0 | PinTriesLeft));
    }

    private ResponseApdu Read(CommandApdu command)
    {
        if ((command.P1 & 0x80) != 0)
        {
            return Sw(StatusWords.IncorrectP1P2);
        }

        if (!_selected)
        {
            return Sw(StatusWords.ConditionsNotSatisfied);
        }

        if (_kind == VirtualCardKind.Applet && _pin is not null && !_pinVerified)
        {
            return Sw(StatusWords.SecurityNotSatisfied);
        }

        var offset = (command.P1 << 8) | command.P2;
        if (offset >= _record.Length)
        {
            return Sw(StatusWords.WrongOffset);
        }

        var remaining = _record.Length - offset;
        var ne = command.Ne == 0 ? 256 : command.Ne;
        if (ne != 256 && ne < CommandApdu.MaxExtendedNe && ne > remaining)
        {
            return Sw((ushort)((StatusWords.WrongLe << 8) | remaining));
        }

        return new ResponseApdu(_record.AsSpan(offset, Math.Min(ne, remaining)), StatusWords.Success);
    }

    private ResponseApdu InternalAuthenticate(CommandApdu command)
    {
        if (command.P1 != 0x00 || command.P2 > 0x01)
        {
            return Sw(StatusWords.IncorrectP1P2);
        }

        if (!_selected)
        {
            return Sw(StatusWords.ConditionsNotSatisfied);
        }

        if (_pin is not null && !_pinVerified)
        {
            return Sw(StatusWords.SecurityNotSatisfied);
        }

        if (command.Data.IsEmpty)
        {
            return Sw(StatusWords.WrongLength);
        }

        string token, realm, nonce, method, uri;
        string? qop, nc, cnonce;
        try
        {
            var fields = BerTlv.DecodeAll(command.Data.Span);
            string? Field(uint tag) => fields.FirstOrDefault(f => f.Tag == tag) is { } f ? s_strictUtf8.GetString(f.Value.Span) : null;
            token = Field(FollowMeApplication.TagAuthAlgorithm) ?? throw new CardFormatException("algorithm");
            realm = Field(FollowMeApplication.TagAuthRealm) ?? throw new CardFormatException("realm");
            nonce = Field(FollowMeApplication.TagAuthNonce) ?? throw new CardFormatException("nonce");
            method = Field(FollowMeApplication.TagAuthMethod) ?? throw new CardFormatException("method");
            uri = Field(FollowMeApplication.TagAuthUri) ?? throw new CardFormatException("uri");
            qop = Field(FollowMeApplication.TagAuthQop) is { Length: > 0 } q ? q : null;
            nc = Field(FollowMeApplication.TagAuthNc);
            cnonce = Field(FollowMeApplication.TagAuthCnonce);
        }
        catch (Exception ex) when (ex is CardFormatException or ArgumentException)
        {
            return Sw(StatusWords.IncorrectData);
        }

        // The profile names only the plain algorithms; -sess and unknown tokens are "function not supported".
        if (!DigestAlgorithm.TryParse(token, out var algorithm) || algorithm.Session || !_secrets.TryGetHa1(algorithm.Hash, out var ha1))
        {
            return Sw(StatusWords.FunctionNotSupported);
        }

        var request = new DigestRequest
        {
            Algorithm = algorithm,
            Username = _authUser,
            Realm = realm,
            Nonce = nonce,
            Method = method,
            DigestUri = uri,
            Qop = qop,
            NonceCount = nc,
            Cnonce = cnonce,
        };

        if (request.Realm != _realm)
        {
            return Sw(StatusWords.ReferencedDataNotFound);
        }

        if (request.Qop is not (null or "auth"))
        {
            return Sw(StatusWords.IncorrectData);
        }

        try
        {
            var digest = Convert.FromHexString(DigestCalculator.Response(request, Convert.ToHexStringLower(ha1.Span)));
            return command.P2 == 0x01
                ? new ResponseApdu(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(digest)), StatusWords.Success)
                : new ResponseApdu(digest, StatusWords.Success);
        }
        catch (ArgumentException)
        {
            return Sw(StatusWords.IncorrectData);
        }
    }
}
