using static Gateway.SmartCard.PcscLite.LinuxNativeMethods;

namespace Gateway.SmartCard.PcscLite;

/// <summary><see cref="IPcscApi"/> over pcsc-lite's 64-bit Linux ABI.</summary>
internal sealed class LinuxPcscApi : IPcscApi
{
    private const nuint ScopeSystem = 2;
    private const nuint ShareShared = 2;
    private const int MaxAtr = 33;

    public uint EstablishContext(out nint context) => Code(SCardEstablishContext(ScopeSystem, 0, 0, out context));

    public uint ReleaseContext(nint context) => Code(SCardReleaseContext(context));

    public uint Cancel(nint context) => Code(SCardCancel(context));

    public unsafe uint ListReaders(nint context, out List<string> readers)
    {
        readers = [];
        nuint length = 0;
        var rv = Code(SCardListReaders(context, null, null, ref length));
        if (rv != PcscError.Success)
        {
            return rv;
        }

        var buffer = new byte[(int)length];
        fixed (byte* p = buffer)
        {
            rv = Code(SCardListReaders(context, null, p, ref length));
        }

        if (rv == PcscError.Success)
        {
            readers = PcscStrings.SplitMultiString(buffer.AsSpan(0, (int)Math.Min(length, (nuint)buffer.Length)));
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
                // INFINITE is 0xFFFFFFFF as a DWORD value, not all-ones of a 64-bit unsigned long.
                rv = Code(SCardGetStatusChange(context, timeoutMs, p, (nuint)native.Length));
            }

            for (var i = 0; i < states.Length; i++)
            {
                states[i].EventState = (uint)native[i].EventState;
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
            var rv = Code(SCardConnect(context, p, ShareShared, protocols, out card, out var active));
            activeProtocol = (uint)active;
            return rv;
        }
    }

    public uint Disconnect(nint card, uint disposition) => Code(SCardDisconnect(card, disposition));

    public unsafe uint Transmit(nint card, uint protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        var pci = new IoRequest { Protocol = protocol, PciLength = (nuint)sizeof(IoRequest) };
        nuint length = (nuint)response.Length;
        uint rv;
        fixed (byte* send = command)
        fixed (byte* receive = response)
        {
            rv = Code(SCardTransmit(card, &pci, send, (nuint)command.Length, null, receive, ref length));
        }

        received = rv == PcscError.Success ? (int)length : 0;
        return rv;
    }

    public unsafe uint Status(nint card, out uint state, out uint protocol, out byte[] atr)
    {
        nuint readerLength = 0;
        Span<byte> buffer = stackalloc byte[MaxAtr];
        nuint atrLength = MaxAtr;
        uint rv;
        fixed (byte* p = buffer)
        {
            rv = Code(SCardStatus(card, null, ref readerLength, out var s, out var pr, p, ref atrLength));
            state = (uint)s;
            protocol = (uint)pr;
        }

        atr = rv == PcscError.Success ? buffer[..(int)Math.Min(atrLength, MaxAtr)].ToArray() : [];
        return rv;
    }

    // LONG comes back sign-extended to 64 bits; the PC/SC code is its low 32 bits.
    private static uint Code(nint rv) => unchecked((uint)rv);
}
