using System.Runtime.InteropServices;
using System.Text;

namespace Gateway.SmartCard.PcscLite;

/// <summary>Reader-name marshalling shared by both platform layers.</summary>
internal static class PcscStrings
{
    /// <summary>Splits a PC/SC multi-string (names separated by NUL, ended by an empty name).</summary>
    public static List<string> SplitMultiString(ReadOnlySpan<byte> buffer)
    {
        var result = new List<string>();
        while (!buffer.IsEmpty)
        {
            var end = buffer.IndexOf((byte)0);
            if (end <= 0)
            {
                break;
            }

            result.Add(Encoding.UTF8.GetString(buffer[..end]));
            buffer = buffer[(end + 1)..];
        }

        return result;
    }

    /// <summary>Allocates NUL-terminated UTF-8 copies of the names; the caller frees them with <see cref="Free"/>.</summary>
    public static nint[] Allocate(IEnumerable<string> names) => names.Select(Marshal.StringToCoTaskMemUTF8).ToArray();

    /// <summary>Frees what <see cref="Allocate"/> returned.</summary>
    public static void Free(nint[] pointers)
    {
        foreach (var p in pointers)
        {
            Marshal.FreeCoTaskMem(p);
        }
    }

    /// <summary>NUL-terminated UTF-8 bytes of <paramref name="name"/>.</summary>
    public static byte[] ToNative(string name)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(name) + 1];
        Encoding.UTF8.GetBytes(name, bytes);
        return bytes;
    }
}
