using System.Buffers;
using System.Runtime.CompilerServices;

namespace Gateway.Sip;

/// <summary>RFC 3261 §25.1 character classes as vectorizable tables.</summary>
internal static class SipChars
{
    private const string Alphanum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static readonly SearchValues<byte> Token = Create(Alphanum + "-.!%*_+`'~");

    /// <summary>word, as used by Call-ID: token plus ( ) &lt; &gt; : \ " / [ ] ? { }.</summary>
    public static readonly SearchValues<byte> Word = Create(Alphanum + "-.!%*_+`'~()<>:\\\"/[]?{}");

    /// <summary>A generic-param value that is not quoted: token or host (which adds : [ ]).</summary>
    public static readonly SearchValues<byte> TokenOrHost = Create(Alphanum + "-.!%*_+`'~:[]");

    /// <summary>unreserved = alphanum / mark, plus the % that starts an escape.</summary>
    public static readonly SearchValues<byte> UserChars = Create(Alphanum + "-_.!~*'()%&=+$,;?/");

    /// <summary>Password characters: unreserved / escaped / &amp; = + $ ,.</summary>
    public static readonly SearchValues<byte> PasswordChars = Create(Alphanum + "-_.!~*'()%&=+$,");

    /// <summary>paramchar = param-unreserved / unreserved / escaped.</summary>
    public static readonly SearchValues<byte> ParamChars = Create(Alphanum + "-_.!~*'()%[]/:&+$");

    /// <summary>hname / hvalue characters: hnv-unreserved / unreserved / escaped.</summary>
    public static readonly SearchValues<byte> HeaderChars = Create(Alphanum + "-_.!~*'()%[]/?:+$");

    /// <summary>hostname and IPv4 characters.</summary>
    public static readonly SearchValues<byte> HostChars = Create(Alphanum + "-.");

    /// <summary>IPv6reference characters between the brackets.</summary>
    public static readonly SearchValues<byte> Ipv6Chars = Create("0123456789abcdefABCDEF:.");

    /// <summary>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).</summary>
    public static readonly SearchValues<byte> SchemeChars = Create(Alphanum + "+-.");

    /// <summary>Characters of an absoluteURI after the scheme (uric plus the few that appear in the wild).</summary>
    public static readonly SearchValues<byte> UriChars = Create(Alphanum + "-_.!~*'()%;/?:@&=+$,#[]");

    /// <summary>Characters of a tel: number (digits, visual separators, DTMF and pause marks).</summary>
    public static readonly SearchValues<byte> TelChars = Create("0123456789abcdefABCDEF*#+-.()pwPW");

    /// <summary>DIGIT.</summary>
    public static readonly SearchValues<byte> Digits = Create("0123456789");

    /// <summary>
    /// <see cref="Token"/> as a lookup table: header names are a few bytes long, where one load per byte
    /// beats the setup of a vectorized search.
    /// </summary>
    private static ReadOnlySpan<byte> TokenTable =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x00
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x10
        0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, // 0x20
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, // 0x30
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0x40
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, // 0x50
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0x60
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, // 0x70
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x80
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x90
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0xA0
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0xB0
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0xC0
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0xD0
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0xE0
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0xF0
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsToken(byte b) => TokenTable[b] != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWsp(byte b) => b is (byte)' ' or (byte)'\t';

    public static bool IsDigit(byte b) => b - (uint)'0' <= 9;

    public static bool IsAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsHex(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 5;

    private static SearchValues<byte> Create(string chars)
    {
        var bytes = new byte[chars.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            bytes[i] = (byte)chars[i];
        }

        return SearchValues.Create(bytes);
    }
}
