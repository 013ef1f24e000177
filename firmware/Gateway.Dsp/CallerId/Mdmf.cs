using System.Globalization;
using System.Text;

namespace Gateway.Dsp.CallerId;

/// <summary>
/// Multiple Data Message Format (message type 0x80) of Telcordia GR-30 / ETSI EN 300 659-3: type, length,
/// parameters (type, length, ASCII value) and a checksum byte that makes the sum of all bytes 0 modulo 256.
/// Parameters: 0x01 date/time "MMDDHHMM", 0x02 calling number, 0x04 reason number absent, 0x07 name,
/// 0x08 reason name absent.
/// </summary>
public static class Mdmf
{
    /// <summary>MDMF message type.</summary>
    public const byte MessageType = 0x80;

    private const byte DateTimeParameter = 0x01;
    private const byte NumberParameter = 0x02;
    private const byte NumberAbsentParameter = 0x04;
    private const byte NameParameter = 0x07;
    private const byte NameAbsentParameter = 0x08;

    /// <summary>Encodes <paramref name="message"/> including the checksum.</summary>
    public static byte[] Encode(CallerIdMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new List<byte>();
        if (message.Month is { } month)
        {
            Add(body, DateTimeParameter, string.Create(CultureInfo.InvariantCulture, $"{month:00}{message.Day:00}{message.Hour:00}{message.Minute:00}"));
        }

        AddEither(body, NumberParameter, message.Number, NumberAbsentParameter, message.NumberAbsence);
        AddEither(body, NameParameter, message.Name, NameAbsentParameter, message.NameAbsence);
        if (body.Count > 255)
        {
            throw new ArgumentException("MDMF body longer than 255 bytes", nameof(message));
        }

        var bytes = new byte[body.Count + 3];
        bytes[0] = MessageType;
        bytes[1] = (byte)body.Count;
        body.CopyTo(bytes, 2);
        var sum = 0;
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            sum += bytes[i];
        }

        bytes[^1] = (byte)(-sum & 0xFF);
        return bytes;
    }

    /// <summary>
    /// Decodes an MDMF message starting at <paramref name="data"/>[0]; false with a reason for a wrong type,
    /// truncation, bad checksum or malformed parameter. Unknown parameter types are skipped.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, out CallerIdMessage? message, out string? error)
    {
        message = null;
        if (data.Length < 3 || data[0] != MessageType)
        {
            error = "not an MDMF message";
            return false;
        }

        var length = data[1];
        if (data.Length < length + 3)
        {
            error = "truncated";
            return false;
        }

        var sum = 0;
        foreach (var b in data[..(length + 3)])
        {
            sum += b;
        }

        if ((sum & 0xFF) != 0)
        {
            error = "checksum mismatch";
            return false;
        }

        int? month = null;
        int day = 0, hour = 0, minute = 0;
        string? number = null, name = null;
        char? numberAbsence = null, nameAbsence = null;
        var body = data.Slice(2, length);
        while (body.Length > 0)
        {
            if (body.Length < 2 || body[1] > body.Length - 2)
            {
                error = "parameter overruns the message";
                return false;
            }

            var value = Encoding.ASCII.GetString(body.Slice(2, body[1]));
            switch (body[0])
            {
                case DateTimeParameter when value.Length == 8 && value.All(char.IsAsciiDigit):
                    month = int.Parse(value[..2], CultureInfo.InvariantCulture);
                    day = int.Parse(value[2..4], CultureInfo.InvariantCulture);
                    hour = int.Parse(value[4..6], CultureInfo.InvariantCulture);
                    minute = int.Parse(value[6..], CultureInfo.InvariantCulture);
                    break;
                case DateTimeParameter:
                    error = "date/time is not MMDDHHMM";
                    return false;
                case NumberParameter:
                    number = value;
                    break;
                case NameParameter:
                    name = value;
                    break;
                case NumberAbsentParameter or NameAbsentParameter when value is "P" or "O":
                    if (body[0] == NumberAbsentParameter)
                    {
                        numberAbsence = value[0];
                    }
                    else
                    {
                        nameAbsence = value[0];
                    }

                    break;
                case NumberAbsentParameter or NameAbsentParameter:
                    error = "absence reason is not P or O";
                    return false;
            }

            body = body[(2 + body[1])..];
        }

        message = new CallerIdMessage(month, day, hour, minute, number, numberAbsence, name, nameAbsence);
        error = null;
        return true;
    }

    private static void AddEither(List<byte> body, byte valueType, string? value, byte absentType, char? absence)
    {
        if (value is not null)
        {
            Add(body, valueType, value);
        }
        else if (absence is { } reason)
        {
            if (reason is not ('P' or 'O'))
            {
                throw new ArgumentException("absence reason must be 'P' or 'O'", nameof(absence));
            }

            Add(body, absentType, reason.ToString());
        }
    }

    private static void Add(List<byte> body, byte type, string value)
    {
        if (value.Length > 80 || !Ascii.IsValid(value))
        {
            throw new ArgumentException($"parameter 0x{type:X2} must be ASCII of at most 80 characters", nameof(value));
        }

        body.Add(type);
        body.Add((byte)value.Length);
        body.AddRange(Encoding.ASCII.GetBytes(value));
    }
}
