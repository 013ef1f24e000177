using System.Net;

namespace Gateway.Media.Streams;

/// <summary>Handles one received datagram and its source (the span and address are reused after the call).</summary>
public delegate void DatagramHandler(ReadOnlySpan<byte> datagram, SocketAddress source);
