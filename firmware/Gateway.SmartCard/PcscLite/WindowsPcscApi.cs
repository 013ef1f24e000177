using static Gateway.SmartCard.PcscLite.WindowsNativeMethods;

namespace Gateway.SmartCard.PcscLite;

/// <summary><see cref="IPcscApi"/> over WinSCard (32-bit DWORD layouts).</summary>
internal sealed class WindowsPcscApi : IPcscApi
{
    private const uint ScopeSystem = 2;
    private const uint ShareShared = 2;
    private const int MaxAtr = 36;

    public uint EstablishContext(out nint context) => Code(SCardEstablishContext(ScopeSystem, 0, 0, out context));

    public uint ReleaseContext(nint context) => Code(SCardReleaseContext(context));

    public uint Cancel(nint context) => Code(SCardCancel(context));

    public unsafe uint ListReaders(nint context, out List<string> readers)
    {
        readers = [];
        uint length = 0;
        var rv = Code(SCardListReaders(context, null, null, ref length));
        if (rv != PcscError.Success)
        {
            return rv;
        }

        var buffer = new byte[length];
        fixed (byte* p = buffer)
        {
            rv = Code(SCardListReaders(context, null, p, ref length));
        }

        if (rv == PcscError.Success)
        {
            readers = PcscStrings.SplitMultiString(buffer.AsSpan(0, (int)Math.Min(length, (uint)buffer.Length)));
        }

        return rv;
    }

    public unsafe uint GetStatusChange(nint context, uint timeoutMs, PcscReaderState[] states)
    {
        var names = PcscStrings.Allocate(states.Select(s => s.ReaderName));
        var native = new ReaderState[states.Length];
        try
        {
            for (var i = 0; i < states.Length; i++)
            {
                native[i].Reader = names[i];
                native[i].CurrentState = states[i].CurrentState;
            }

            uint rv;
            fixed (ReaderState* p = native)
            {
                rv = Code(SCardGetStatusChange(context, timeoutMs, p, (uint)native.Length));
            }

            for (var i = 0; i < states.Length; i++)
            {
                states[i].EventState = native[i].EventState;
                var length = (int)Math.Min(native[i].AtrLength, MaxAtr);
                fixed (byte* atr = native[i].Atr)
                {
                    states[i].Atr = new ReadOnlySpan<byte>(atr, length).ToArray();
                }
            }

            return rv;
        }
        finally
        {
            PcscStrings.Free(names);
        }
    }

    public unsafe uint Connect(nint context, string reader, uint protocols, out nint card, out uint activeProtocol)
    {
        var name = PcscStrings.ToNative(reader);
        fixed (byte* p = name)
        {
            return Code(SCardConnect(context, p, ShareShared, protocols, out card, out activeProtocol));
        }
    }

    public uint Disconnect(nint card, uint disposition) => Code(SCardDisconnect(card, disposition));

    public unsafe uint Transmit(nint card, uint protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        var pci = new IoRequest { Protocol = protocol, PciLength = (uint)sizeof(IoRequest) };
        var length = (uint)response.Length;
        uint rv;
        fixed (byte* send = command)
        fixed (byte* receive = response)
        {
            rv = Code(SCardTransmit(card, &pci, send, (uint)command.Length, null, receive, ref length));
        }

        received = rv == PcscError.Success ? (int)length : 0;
        return rv;
    }

    public unsafe uint Status(nint card, out uint state, out uint protocol, out byte[] atr)
    {
        uint readerLength = 0;
        Span<byte> buffer = stackalloc byte[MaxAtr];
        uint atrLength = MaxAtr;
        uint rv;
        fixed (byte* p = buffer)
        {
            rv = Code(SCardStatus(card, null, ref readerLength, out state, out protocol, p, ref atrLength));
        }

        atr = rv == PcscError.Success ? buffer[..(int)Math.Min(atrLength, MaxAtr)].ToArray() : [];
        return rv;
    }

    private static uint Code(int rv) => unchecked((uint)rv);
}
