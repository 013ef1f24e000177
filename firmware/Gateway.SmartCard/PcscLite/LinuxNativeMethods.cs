using System.Runtime.InteropServices;

namespace Gateway.SmartCard.PcscLite;

/// <summary>
/// pcsc-lite on 64-bit Linux: DWORD and LONG are C <c>unsigned long</c>/<c>long</c> (8 bytes), so they map to
/// <see cref="nuint"/>/<see cref="nint"/>; SCARD_READERSTATE is 80 bytes with natural alignment.
/// </summary>
internal static partial class LinuxNativeMethods
{
    private const string Library = "libpcsclite.so.1";

    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct ReaderState
    {
        public nint Reader;
        public nint UserData;
        public nuint CurrentState;
        public nuint EventState;
        public nuint AtrLength;
        public fixed byte Atr[33];
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct IoRequest
    {
        public nuint Protocol;
        public nuint PciLength;
    }

    [LibraryImport(Library)]
    internal static partial nint SCardEstablishContext(nuint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(Library)]
    internal static partial nint SCardReleaseContext(nint context);

    [LibraryImport(Library)]
    internal static partial nint SCardCancel(nint context);

    [LibraryImport(Library)]
    internal static unsafe partial nint SCardListReaders(nint context, byte* groups, byte* readers, ref nuint readersLength);

    [LibraryImport(Library)]
    internal static unsafe partial nint SCardGetStatusChange(nint context, nuint timeout, ReaderState* states, nuint count);

    [LibraryImport(Library)]
    internal static unsafe partial nint SCardConnect(nint context, byte* reader, nuint shareMode, nuint preferredProtocols, out nint card, out nuint activeProtocol);

    [LibraryImport(Library)]
    internal static partial nint SCardDisconnect(nint card, nuint disposition);

    [LibraryImport(Library)]
    internal static unsafe partial nint SCardTransmit(nint card, IoRequest* sendPci, byte* send, nuint sendLength, IoRequest* receivePci, byte* receive, ref nuint receiveLength);

    [LibraryImport(Library)]
    internal static unsafe partial nint SCardStatus(nint card, byte* readerNames, ref nuint readerLength, out nuint state, out nuint protocol, byte* atr, ref nuint atrLength);
}
