using System.Buffers.Binary;
using System.Text;
using Gateway.Sip.Auth;

namespace Gateway.SmartCard;

/// <summary>
/// The gateway side of the follow-me card protocol (docs/card-profile.md) over any <see cref="CardTransceiver"/>.
/// Stateless apart from the transceiver; one instance per inserted card.
/// </summary>
public sealed class FollowMeCardClient
{
    // Reading must end even on a hostile card that never reports the end of its file.
    private const int MaxRecordLength = 0x7FFF;
    private readonly CardTransceiver _transceiver;

    /// <summary>Creates a client over <paramref name="transceiver"/>.</summary>
    /// <param name="transceiver">The reader seam.</param>
    public FollowMeCardClient(CardTransceiver transceiver)
    {
        ArgumentNullException.ThrowIfNull(transceiver);
        _transceiver = transceiver;
    }

    /// <summary>SELECTs the follow-me applet.</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The FCI contents, or null when the card has no follow-me applet.</returns>
    /// <exception cref="CardProtocolException">The applet answered 9000 with an FCI that does not decode.</exception>
    public async ValueTask<CardApplicationInfo?> SelectApplicationAsync(CancellationToken ct)
    {
        var response = await _transceiver.TransceiveAsync(new CommandApdu(0x00, FollowMeApplication.InsSelect, 0x04, 0x00, FollowMeApplication.Aid, 256), ct);
        if (!response.IsSuccess)
        {
            return null;
        }

        try
        {
            var fci = BerTlv.Decode(response.Data.Span);
            var proprietary = fci.Tag == FollowMeApplication.TagFci ? fci.Find(FollowMeApplication.TagFciProprietary) : null;
            if (proprietary is null)
            {
                throw new CardProtocolException("SELECT answered without the follow-me FCI.");
            }

            var version = proprietary.Find(FollowMeApplication.TagVersion)?.Value ?? new byte[] { 1, 0 };
            var caps = proprietary.Find(FollowMeApplication.TagCapabilities)?.Value ?? new byte[] { 0 };
            var length = proprietary.Find(FollowMeApplication.TagRecordLength)?.Value;
            var chunk = proprietary.Find(FollowMeApplication.TagChunk)?.Value;
            if (version.Length != 2 || caps.Length != 1 || length is not { Length: 2 })
            {
                throw new CardProtocolException("The follow-me FCI has malformed fields.");
            }

            return new CardApplicationInfo(
                version.Span[0],
                version.Span[1],
                (CardCapabilities)caps.Span[0],
                BinaryPrimitives.ReadUInt16BigEndian(length.Value.Span),
                chunk is { Length: 1 } && chunk.Value.Span[0] != 0 ? chunk.Value.Span[0] : FollowMeApplication.DefaultChunk);
        }
        catch (CardFormatException ex)
        {
            throw new CardProtocolException("The follow-me FCI does not decode.", ex);
        }
    }

    /// <summary>SELECTs the storage card's transparent file (EF 4746).</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>True when the file exists.</returns>
    public async ValueTask<bool> SelectStorageFileAsync(CancellationToken ct)
    {
        Span<byte> fid = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(fid, FollowMeApplication.StorageFileId);
        var response = await _transceiver.TransceiveAsync(new CommandApdu(0x00, FollowMeApplication.InsSelect, 0x00, 0x0C, fid), ct);
        return response.IsSuccess;
    }

    /// <summary>Asks the PIN state without spending a try (empty VERIFY).</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The state.</returns>
    public async ValueTask<PinState> GetPinStateAsync(CancellationToken ct)
    {
        var response = await _transceiver.TransceiveAsync(new CommandApdu(0x00, FollowMeApplication.InsVerify, 0x00, FollowMeApplication.PinReference), ct);
        return ToPinState(response.StatusWord);
    }

    /// <summary>Presents the PIN.</summary>
    /// <param name="pin">The PIN digits.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The state after the attempt.</returns>
    public async ValueTask<PinState> VerifyPinAsync(string pin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var bytes = Encoding.ASCII.GetBytes(pin);
        try
        {
            var response = await _transceiver.TransceiveAsync(new CommandApdu(0x00, FollowMeApplication.InsVerify, 0x00, FollowMeApplication.PinReference, bytes), ct);
            return ToPinState(response.StatusWord);
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    /// <summary>Reads the record of the selected applet or storage file in chunks.</summary>
    /// <param name="length">The announced record length, or null to read until the card reports the end (storage card).</param>
    /// <param name="chunk">Bytes per READ (1..256).</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The record bytes; the caller zeroes them when done.</returns>
    /// <exception cref="CardProtocolException">The card refused the read (e.g. 6982) or the record is shorter than announced.</exception>
    public async ValueTask<byte[]> ReadRecordAsync(int? length, int chunk, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunk, 256);
        var target = length ?? MaxRecordLength;
        var buffer = new byte[target];
        var offset = 0;
        try
        {
            while (offset < target)
            {
                var ne = Math.Min(chunk, target - offset);
                var response = await _transceiver.TransceiveAsync(
                    new CommandApdu(0x00, FollowMeApplication.InsReadBinary, (byte)(offset >> 8), (byte)offset, default, ne), ct);
                if (response.StatusWord == StatusWords.WrongOffset && length is null)
                {
                    break;
                }

                if (!response.IsSuccess)
                {
                    throw new CardProtocolException($"READ at offset {offset} failed.", response.StatusWord);
                }

                var data = response.Data.Span;
                if (data.IsEmpty || data.Length > target - offset)
                {
                    throw new CardProtocolException($"READ at offset {offset} returned {data.Length} byte(s).");
                }

                data.CopyTo(buffer.AsSpan(offset));
                response.Clear();
                offset += data.Length;
                if (length is null && data.Length < ne)
                {
                    break;
                }
            }

            var result = buffer.AsSpan(0, offset).ToArray();
            return result;
        }
        finally
        {
            Array.Clear(buffer);
        }
    }

    /// <summary>Runs INTERNAL AUTHENTICATE: the card computes the digest response.</summary>
    /// <param name="request">The challenge values; the card uses its own username, so <see cref="DigestRequest.Username"/> is not sent.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The raw response hash.</returns>
    /// <exception cref="CardProtocolException">The card refused (status word in the exception).</exception>
    public async ValueTask<byte[]> InternalAuthenticateAsync(DigestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new List<BerTlv>
        {
            Text(FollowMeApplication.TagAuthAlgorithm, request.Algorithm.Name),
            Text(FollowMeApplication.TagAuthRealm, request.Realm),
            Text(FollowMeApplication.TagAuthNonce, request.Nonce),
            Text(FollowMeApplication.TagAuthMethod, request.Method),
            Text(FollowMeApplication.TagAuthUri, request.DigestUri),
        };
        if (!string.IsNullOrEmpty(request.Qop))
        {
            fields.Add(Text(FollowMeApplication.TagAuthQop, request.Qop));
            fields.Add(Text(FollowMeApplication.TagAuthNc, request.NonceCount ?? ""));
            fields.Add(Text(FollowMeApplication.TagAuthCnonce, request.Cnonce ?? ""));
        }

        var response = await _transceiver.TransceiveAsync(
            new CommandApdu(FollowMeApplication.ClaProprietary, FollowMeApplication.InsInternalAuthenticate, 0x00, 0x00, BerTlv.EncodeAll(fields), 256), ct);
        if (!response.IsSuccess)
        {
            throw new CardProtocolException("INTERNAL AUTHENTICATE was refused.", response.StatusWord);
        }

        return response.Data.ToArray();
    }

    private static BerTlv Text(uint tag, string value) => BerTlv.Primitive(tag, Encoding.UTF8.GetBytes(value));

    private static PinState ToPinState(ushort sw) => sw switch
    {
        StatusWords.Success => new PinState(PinStatus.Verified, FollowMeApplication.PinTryLimit),
        StatusWords.PinBlocked => new PinState(PinStatus.Blocked, 0),
        _ when (sw & 0xFFF0) == 0x63C0 => (sw & 0x0F) == 0
            ? new PinState(PinStatus.Blocked, 0)
            : new PinState(PinStatus.NotVerified, sw & 0x0F),
        _ => throw new CardProtocolException("VERIFY answered an unexpected status word.", sw),
    };
}
