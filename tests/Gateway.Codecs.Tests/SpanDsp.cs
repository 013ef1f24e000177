using System.Runtime.InteropServices;

namespace Gateway.Codecs.Tests;

/// <summary>
/// spandsp's G.722 (libspandsp2, which baresip-core depends on, so build.ps1 deps installs it) as an independent
/// reference implementation. The states it allocates are small and live for the test process.
/// </summary>
internal static class SpanDsp
{
    private const string Library = "libspandsp.so.2";

    [DllImport(Library, EntryPoint = "g722_encode_init")]
    public static extern IntPtr G722EncodeInit(IntPtr state, int rate, int options);

    [DllImport(Library, EntryPoint = "g722_encode")]
    public static extern int G722Encode(IntPtr state, [Out] byte[] data, short[] amp, int length);

    [DllImport(Library, EntryPoint = "g722_decode_init")]
    public static extern IntPtr G722DecodeInit(IntPtr state, int rate, int options);

    [DllImport(Library, EntryPoint = "g722_decode")]
    public static extern int G722Decode(IntPtr state, [Out] short[] amp, byte[] data, int length);
}
