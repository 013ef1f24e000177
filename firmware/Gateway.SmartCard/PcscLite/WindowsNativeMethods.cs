using System.Runtime.InteropServices;

namespace Gateway.SmartCard.PcscLite;

/// <summary>
/// WinSCard: DWORD and LONG are 32-bit, SCARD_READERSTATE is 64 bytes on x64 (36-byte ATR), string functions have
/// an <c>A</c> suffix.
/// </summary>
internal static partial class WindowsNativeMethods
{
    private const string Library = "winscard.dll";

    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct ReaderState
    {
        public nint Reader;
        public nint UserData;
        public uint CurrentState;
        public uint EventState;
        public uint AtrLength;
        public fixed byte Atr[36];
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct IoRequest
    {
        public uint Protocol;
        public uint PciLength;
    }

    [LibraryImport(Library)]
    internal static partial int SCardEstablishContext(uint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(Library)]
    internal static partial int SCardReleaseContext(nint context);

    [LibraryImport(Library)]
    internal static partial int SCardCancel(nint context);

    [LibraryImport(Library, EntryPoint = "SCardListReadersA")]
    internal static unsafe partial int SCardListReaders(nint context, byte* groups, byte* readers, ref uint readersLength);

    [LibraryImport(Library, EntryPoint = "SCardGetStatusChangeA")]
    internal static unsafe partial int SCardGetStatusChange(nint context, uint timeout, ReaderState* states, uint count);

    [LibraryImport(Library, EntryPoint = "SCardConnectA")]
    internal static unsafe partial int SCardConnect(nint context, byte* reader, uint shareMode, uint preferredProtocols, out nint card, out uint activeProtocol);

    [LibraryImport(Library)]
    internal static partial int SCardDisconnect(nint card, uint disposition);

    [LibraryImport(Library)]
    internal static unsafe partial int SCardTransmit(nint card, IoRequest* sendPci, byte* send, uint sendLength, IoRequest* receivePci, byte* receive, ref uint receiveLength);

    [LibraryImport(Library, EntryPoint = "SCardStatusA")]
    internal static unsafe partial int SCardStatus(nint card, byte* readerNames, ref uint readerLength, out uint state, out uint protocol, byte* atr, ref uint atrLength);
}
