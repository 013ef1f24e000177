namespace Gateway.SmartCard.PcscLite;

/// <summary>The PC/SC functions the gateway uses, with the platform's struct layouts hidden behind managed types.</summary>
internal interface IPcscApi
{
    uint EstablishContext(out nint context);

    uint ReleaseContext(nint context);

    uint Cancel(nint context);

    uint ListReaders(nint context, out List<string> readers);

    uint GetStatusChange(nint context, uint timeoutMs, PcscReaderState[] states);

    uint Connect(nint context, string reader, uint protocols, out nint card, out uint activeProtocol);

    uint Disconnect(nint card, uint disposition);

    uint Transmit(nint card, uint protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received);

    uint Status(nint card, out uint state, out uint protocol, out byte[] atr);
}
