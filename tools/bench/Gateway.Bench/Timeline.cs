using System.Diagnostics;
using System.Globalization;

namespace Gateway.Bench;

/// <summary>The tour's printed timeline: each line is the time since the tour started and what was measured.</summary>
internal sealed class Timeline
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public void Step(string title) => Console.WriteLine($"\n== {Stamp()} {title}");

    public void Note(string text) => Console.WriteLine($"  {Stamp()}  {text}");

    public void Measured(string what, TimeSpan elapsed) =>
        Console.WriteLine($"  {Stamp()}  {what}: {elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms");

    public void Check(bool ok, string what)
    {
        Console.WriteLine($"  {Stamp()}  {(ok ? "ok  " : "FAIL")} {what}");
        if (!ok)
        {
            _failures.Add(what);
        }
    }

    private string Stamp() => $"[{_clock.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture),8} s]";
}
