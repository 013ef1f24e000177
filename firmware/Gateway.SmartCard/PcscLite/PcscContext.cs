using System.Runtime.InteropServices;

namespace Gateway.SmartCard.PcscLite;

/// <summary>
/// An SCARDCONTEXT as a SafeHandle: released with SCardReleaseContext exactly once, even if the owner forgets.
/// pcsc-lite on Linux (libpcsclite.so.1) or WinSCard on Windows is chosen at runtime.
/// </summary>
public sealed class PcscContext : SafeHandle
{
    private PcscContext(IPcscApi api, nint handle)
        : base(0, ownsHandle: true)
    {
        Api = api;
        SetHandle(handle);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    internal IPcscApi Api { get; }

    internal nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    /// <summary>Establishes a system-scope context.</summary>
    /// <returns>The context.</returns>
    /// <exception cref="PcscException">pcscd is not running (<see cref="PcscError.NoService"/>) or another failure.</exception>
    public static PcscContext Establish() => Establish(CreatePlatformApi());

    /// <summary>Establishes a context through a given API (tests substitute a fake daemon here).</summary>
    internal static PcscContext Establish(IPcscApi api)
    {
        uint rv;
        nint context;
        try
        {
            rv = api.EstablishContext(out context);
        }
        catch (DllNotFoundException ex)
        {
            throw new PcscException("The PC/SC library (libpcsclite.so.1 / winscard.dll) is not installed.", ex);
        }

        return rv == PcscError.Success ? new PcscContext(api, context) : throw new PcscException("SCardEstablishContext", rv);
    }

    /// <summary>Lists readers; an empty list when there are none.</summary>
    /// <returns>Reader names.</returns>
    /// <exception cref="PcscException">The call failed.</exception>
    public IReadOnlyList<string> ListReaders()
    {
        var rv = Api.ListReaders(Handle, out var readers);
        return rv switch
        {
            PcscError.Success => readers,
            PcscError.NoReadersAvailable => [],
            _ => throw new PcscException("SCardListReaders", rv),
        };
    }

    /// <summary>Blocks until a state in <paramref name="states"/> differs from its current state, or the timeout.</summary>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="states">Readers and believed states; event states are filled in.</param>
    /// <returns>The PC/SC return code (Success, Timeout, Cancelled, ...).</returns>
    public uint GetStatusChange(TimeSpan timeout, PcscReaderState[] states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var ms = timeout == Timeout.InfiniteTimeSpan ? uint.MaxValue : (uint)Math.Clamp(timeout.TotalMilliseconds, 0, uint.MaxValue - 1);
        return Api.GetStatusChange(Handle, ms, states);
    }

    /// <summary>Wakes any SCardGetStatusChange blocked on this context (it returns <see cref="PcscError.Cancelled"/>).</summary>
    public void Cancel()
    {
        if (!IsClosed)
        {
            Api.Cancel(handle);
        }
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Api.ReleaseContext(handle) == PcscError.Success;

    private static IPcscApi CreatePlatformApi() => OperatingSystem.IsWindows() ? new WindowsPcscApi() : new LinuxPcscApi();
}
