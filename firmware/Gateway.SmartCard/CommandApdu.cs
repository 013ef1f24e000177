namespace Gateway.SmartCard;

/// <summary>
/// An ISO/IEC 7816-4 command APDU. Encodes in short form when Lc ≤ 255 and Ne ≤ 256, otherwise in extended form
/// (both fields extended, as ISO requires).
/// </summary>
public sealed class CommandApdu : IEquatable<CommandApdu>
{
    /// <summary>The largest Ne an extended APDU can ask for.</summary>
    public const int MaxExtendedNe = 65536;

    private readonly byte[] _data;

    /// <summary>Creates a command.</summary>
    /// <param name="cla">Class byte.</param>
    /// <param name="ins">Instruction byte.</param>
    /// <param name="p1">Parameter 1.</param>
    /// <param name="p2">Parameter 2.</param>
    /// <param name="data">Command data (copied), at most 65 535 bytes.</param>
    /// <param name="ne">Expected response length: 0 = no Le field, 1..65536.</param>
    public CommandApdu(byte cla, byte ins, byte p1, byte p2, ReadOnlySpan<byte> data = default, int ne = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(data.Length, 0xFFFF, nameof(data));
        ArgumentOutOfRangeException.ThrowIfNegative(ne);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ne, MaxExtendedNe);
        Cla = cla;
        Ins = ins;
        P1 = p1;
        P2 = p2;
        _data = data.ToArray();
        Ne = ne;
    }

    /// <summary>Class byte.</summary>
    public byte Cla { get; }

    /// <summary>Instruction byte.</summary>
    public byte Ins { get; }

    /// <summary>Parameter 1.</summary>
    public byte P1 { get; }

    /// <summary>Parameter 2.</summary>
    public byte P2 { get; }

    /// <summary>Command data (empty when there is no Lc field).</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>Expected response length; 0 means the command has no Le field.</summary>
    public int Ne { get; }

    /// <summary>True when the encoding uses extended Lc/Le.</summary>
    public bool IsExtended => _data.Length > 255 || Ne > 256;

    /// <summary>Returns the same command asking for a different Ne (used to re-issue after 6Cxx).</summary>
    /// <param name="ne">The new expected length.</param>
    /// <returns>The new command.</returns>
    public CommandApdu WithNe(int ne) => new(Cla, Ins, P1, P2, _data, ne);

    /// <summary>Encodes the command.</summary>
    /// <returns>The APDU bytes.</returns>
    public byte[] ToBytes()
    {
        var extended = IsExtended;
        var lcLength = _data.Length == 0 ? 0 : extended ? 3 : 1;
        var leLength = Ne == 0 ? 0 : extended ? (_data.Length == 0 ? 3 : 2) : 1;
        var buffer = new byte[4 + lcLength + _data.Length + leLength];
        buffer[0] = Cla;
        buffer[1] = Ins;
        buffer[2] = P1;
        buffer[3] = P2;
        var offset = 4;
        if (lcLength == 1)
        {
            buffer[offset++] = (byte)_data.Length;
        }
        else if (lcLength == 3)
        {
            buffer[offset++] = 0;
            buffer[offset++] = (byte)(_data.Length >> 8);
            buffer[offset++] = (byte)_data.Length;
        }

        _data.CopyTo(buffer, offset);
        offset += _data.Length;
        if (leLength == 1)
        {
            buffer[offset] = (byte)(Ne == 256 ? 0 : Ne);
        }
        else if (leLength > 1)
        {
            if (leLength == 3)
            {
                buffer[offset++] = 0;
            }

            var le = Ne == MaxExtendedNe ? 0 : Ne;
            buffer[offset++] = (byte)(le >> 8);
            buffer[offset] = (byte)le;
        }

        return buffer;
    }

    /// <summary>Parses an encoded command (all seven ISO cases).</summary>
    /// <param name="apdu">The bytes.</param>
    /// <returns>The command.</returns>
    /// <exception cref="CardFormatException">The bytes are not a well-formed APDU.</exception>
    public static CommandApdu Parse(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4)
        {
            throw new CardFormatException($"A command APDU needs at least 4 bytes, got {apdu.Length}.");
        }

        var body = apdu[4..];
        if (body.IsEmpty)
        {
            return new CommandApdu(apdu[0], apdu[1], apdu[2], apdu[3]);
        }

        if (body.Length == 1)
        {
            return Make(apdu, default, body[0] == 0 ? 256 : body[0]);
        }

        if (body[0] != 0)
        {
            var lc = body[0];
            if (body.Length == 1 + lc)
            {
                return Make(apdu, body.Slice(1, lc), 0);
            }

            if (body.Length == 2 + lc)
            {
                var le = body[1 + lc];
                return Make(apdu, body.Slice(1, lc), le == 0 ? 256 : le);
            }

            throw new CardFormatException($"Short APDU length mismatch: Lc={lc}, body {body.Length} byte(s).");
        }

        if (body.Length == 3)
        {
            var le = (body[1] << 8) | body[2];
            return Make(apdu, default, le == 0 ? MaxExtendedNe : le);
        }

        if (body.Length < 3)
        {
            throw new CardFormatException("Truncated extended APDU.");
        }

        var elc = (body[1] << 8) | body[2];
        if (elc == 0)
        {
            throw new CardFormatException("Extended Lc of 0 is not allowed.");
        }

        if (body.Length == 3 + elc)
        {
            return Make(apdu, body.Slice(3, elc), 0);
        }

        if (body.Length == 5 + elc)
        {
            var le = (body[3 + elc] << 8) | body[4 + elc];
            return Make(apdu, body.Slice(3, elc), le == 0 ? MaxExtendedNe : le);
        }

        throw new CardFormatException($"Extended APDU length mismatch: Lc={elc}, body {body.Length} byte(s).");
    }

    /// <inheritdoc/>
    public bool Equals(CommandApdu? other) =>
        other is not null && other.Cla == Cla && other.Ins == Ins && other.P1 == P1 && other.P2 == P2
        && other.Ne == Ne && other._data.AsSpan().SequenceEqual(_data);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CommandApdu);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Cla, Ins, P1, P2, Ne, _data.Length);

    /// <inheritdoc/>
    public override string ToString() => $"{Cla:X2} {Ins:X2} {P1:X2} {P2:X2} Lc={_data.Length} Ne={Ne}";

    private static CommandApdu Make(ReadOnlySpan<byte> apdu, ReadOnlySpan<byte> data, int ne) =>
        new(apdu[0], apdu[1], apdu[2], apdu[3], data, ne);
}
