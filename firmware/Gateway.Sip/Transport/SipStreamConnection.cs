using System.Buffers;
using System.Net;
using Gateway.Sip.Message;
using Microsoft.Extensions.Logging;

namespace Gateway.Sip.Transport;

/// <summary>
/// One stream connection (TCP now, TLS later): Content-Length framing (§18.3) over a growing pooled
/// buffer, serialized writes, RFC 5626 CRLF ping/pong, and activity time for the idle sweep.
/// </summary>
internal sealed class SipStreamConnection : IDisposable
{
    private static readonly byte[] s_pong = "\r\n"u8.ToArray();

    private readonly SipStreamTransport _owner;
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly TimeProvider _time;
    private long _lastActivity;
    private int _closed;

    public SipStreamConnection(SipStreamTransport owner, Stream stream, IPEndPoint remote, TimeProvider time)
    {
        _owner = owner;
        _stream = stream;
        Remote = remote;
        _time = time;
        _lastActivity = time.GetTimestamp();
    }

    public IPEndPoint Remote { get; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public TimeSpan IdleFor => _time.GetElapsedTime(Volatile.Read(ref _lastActivity));

    public void Start(ISipTransportReceiver receiver, SipTransportOptions options) =>
        Completion = Task.Run(() => ReadLoopAsync(receiver, options));

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            await _stream.WriteAsync(data, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
            Touch();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        // Forget first, so nobody picks this connection for a send once the peer sees it close.
        _owner.Forget(this);
        _stream.Dispose();
    }

    /// <summary>Same as <see cref="Close"/>; a pending read ends because the stream is disposed.</summary>
    public void Dispose() => Close();

    private void Touch() => Volatile.Write(ref _lastActivity, _time.GetTimestamp());

    private async Task ReadLoopAsync(ISipTransportReceiver receiver, SipTransportOptions options)
    {
        var max = options.Parser.MaxMessageSize;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(4096, max + 8));
        var start = 0;
        var end = 0;
        try
        {
            while (true)
            {
                if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    else if (buffer.Length >= max + 8)
                    {
                        // The framing check rejects oversize messages first; this only bounds memory.
                        return;
                    }
                    else
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max + 8));
                        Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                }

                var read = await _stream.ReadAsync(buffer.AsMemory(end));
                if (read == 0)
                {
                    return;
                }

                end += read;
                Touch();
                if (!Drain(buffer, ref start, end, receiver, options))
                {
                    return;
                }

                if (start == end)
                {
                    start = end = 0;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The peer went away or the transport is closing: nothing to report.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Close();
        }
    }

    // Delivers every complete message in [start, end); false when framing is lost and the connection must close.
    private bool Drain(byte[] buffer, ref int start, int end, ISipTransportReceiver receiver, SipTransportOptions options)
    {
        while (start < end)
        {
            var pending = buffer.AsSpan(start, end - start);
            if (pending.StartsWith("\r\n\r\n"u8))
            {
                // RFC 5626 §4.4.1: a double-CRLF ping is answered with a single-CRLF pong.
                start += 4;
                _ = PongAsync();
                continue;
            }

            if (pending.Length < 4 && "\r\n\r\n"u8.StartsWith(pending))
            {
                return true;
            }

            var sequence = new ReadOnlySequence<byte>(buffer, start, end - start);
            var status = SipMessageReader.TryReadStream(ref sequence, out var message, out var error, options.Parser);
            if (status == SipParseStatus.NeedMoreData)
            {
                return true;
            }

            if (status == SipParseStatus.Invalid)
            {
                options.Logger.LogInformation("SIP {Kind} {Remote}: framing error, closing: {Error}", _owner.Kind, Remote, error);
                return false;
            }

            start = end - (int)sequence.Length;
            Deliver(message!, receiver, options.Logger);
        }

        return true;
    }

    private void Deliver(SipMessage message, ISipTransportReceiver receiver, ILogger logger)
    {
        try
        {
            var stamped = message is SipRequest request ? SipReceivedStamp.Apply(request, Remote) : message;
            receiver.OnMessage(stamped, new SipInboundContext(_owner, Remote));
        }
        catch (Exception ex)
        {
            // One bad message must not take the connection down.
            logger.LogError(ex, "SIP {Kind} {Remote}: processing a message failed", _owner.Kind, Remote);
        }
    }

    private async Task PongAsync()
    {
        try
        {
            await WriteAsync(s_pong, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            Close();
        }
    }
}
