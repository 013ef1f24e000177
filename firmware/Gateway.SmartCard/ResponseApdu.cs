namespace Gateway.SmartCard;

/// <summary>An ISO/IEC 7816-4 response APDU: response data followed by SW1 SW2.</summary>
public sealed class ResponseApdu
{
    private readonly byte[] _data;

    /// <summary>Creates a response.</summary>
    /// <param name="data">Response data (copied).</param>
    /// <param name="statusWord">SW1SW2.</param>
    public ResponseApdu(ReadOnlySpan<byte> data, ushort statusWord)
    {
        _data = data.ToArray();
        StatusWord = statusWord;
    }

    /// <summary>Response data without the status word.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>SW1SW2 as one number, e.g. 0x9000.</summary>
    public ushort StatusWord { get; }

    /// <summary>SW1.</summary>
    public byte Sw1 => (byte)(StatusWord >> 8);

    /// <summary>SW2.</summary>
    public byte Sw2 => (byte)StatusWord;

    /// <summary>True for 9000.</summary>
    public bool IsSuccess => StatusWord == StatusWords.Success;

    /// <summary>Parses response bytes.</summary>
    /// <param name="response">Data then SW1 SW2.</param>
    /// <returns>The response.</returns>
    /// <exception cref="CardFormatException">Fewer than 2 bytes.</exception>
    public static ResponseApdu Parse(ReadOnlySpan<byte> response)
    {
        if (response.Length < 2)
        {
            throw new CardFormatException($"A response APDU needs at least 2 bytes, got {response.Length}.");
        }

        return new ResponseApdu(response[..^2], (ushort)((response[^2] << 8) | response[^1]));
    }

    /// <summary>Encodes the response (data then SW1 SW2).</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes()
    {
        var buffer = new byte[_data.Length + 2];
        _data.CopyTo(buffer, 0);
        buffer[^2] = Sw1;
        buffer[^1] = Sw2;
        return buffer;
    }

    /// <summary>Overwrites the response data with zeros (for responses that carried secrets).</summary>
    public void Clear() => Array.Clear(_data);

    /// <inheritdoc/>
    public override string ToString() => $"{_data.Length} byte(s) SW {StatusWord:X4}";
}
