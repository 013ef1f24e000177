using Gateway.Hardware;

namespace Gateway.Telephony.Tests;

internal sealed class FakeHookSwitch : IHookSwitch
{
    public bool IsOffHook { get; set; }

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}

internal sealed class FakeRinger : IRinger
{
    public bool IsRinging { get; private set; }

    public RingCadence? Cadence { get; private set; }

    public bool Disposed { get; private set; }

    public Func<bool> IsOffHook { get; set; } = () => false;

    public void Start(RingCadence cadence)
    {
        // Same rule as RingerBase: never ring while off-hook.
        if (IsOffHook())
        {
            return;
        }

        IsRinging = true;
        Cadence = cadence;
    }

    public void Stop()
    {
        IsRinging = false;
        Cadence = null;
    }

    public void Dispose()
    {
        Stop();
        Disposed = true;
    }
}

internal sealed class FakeDisplay : IDisplay
{
    private string[] _lines = [string.Empty, string.Empty];

    public int Columns => 16;

    public int Rows => 2;

    public IReadOnlyList<string> Lines => _lines;

    public void Show(params string[] lines) =>
        _lines = [.. Enumerable.Range(0, Rows).Select(i => i < lines.Length ? (lines[i].Length > Columns ? lines[i][..Columns] : lines[i]) : string.Empty)];

    public void Clear() => _lines = [string.Empty, string.Empty];

    public void Dispose()
    {
    }
}
