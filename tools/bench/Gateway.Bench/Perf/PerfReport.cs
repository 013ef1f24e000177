using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Bench.Perf;

/// <summary>The suite's result: the header, the cases, and the Markdown and JSON forms of both.</summary>
internal sealed class PerfReport(MachineInfo machine, bool smoke, DateTimeOffset started)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public MachineInfo Machine { get; } = machine;

    public bool Smoke { get; } = smoke;

    public DateTimeOffset Started { get; } = started;

    public List<PerfCase> Cases { get; } = [];

    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            Machine,
            Mode = Smoke ? "smoke" : "full",
            Started,
            Cases = Cases.Select(c => new { c.Id, c.Title, c.Notes, c.Error, c.Rows }),
        },
        s_json);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Gateway vs baresip on loopback ({(Smoke ? "smoke: a few seconds per case, figures not meaningful" : "full run")})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Started: {Started:yyyy-MM-dd HH:mm:ss} UTC");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Machine.Kernel}, {Machine.Cores} cores ({Machine.CpuModel}), {Machine.MemoryKb / 1024} MiB");
        md.AppendLine(CultureInfo.InvariantCulture, $"- .NET SDK {Machine.DotnetVersion}; {Machine.BaresipVersion}; kamailio {Machine.KamailioVersion}; {Machine.TsharkVersion}");
        md.AppendLine("- The machine is shared with other builds and tests: figures are noisy. Compare ratios measured in the same run; nothing here is asserted.");
        md.AppendLine("- Runs: the number of values each median/min/max is taken over (runs, windows, rounds or packets, as the row says).");
        foreach (var perfCase in Cases)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {perfCase.Id}. {perfCase.Title}");
            md.AppendLine();
            foreach (var note in perfCase.Notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }

            if (perfCase.Error is not null)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- **Case failed:** {perfCase.Error}");
            }

            md.AppendLine();
            md.AppendLine("| Subject | Metric | Unit | Runs | Median | P95 | Min | Max | Note |");
            md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---|");
            foreach (var row in perfCase.Rows)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {row.Subject} | {row.Metric} | {row.Unit} | {row.Runs} | {Format(row.Median)} | {Format(row.P95)} | {Format(row.Min)} | {Format(row.Max)} | {row.Note} |");
            }
        }

        return md.ToString();
    }

    private static string Format(double? value) => value switch
    {
        null => "–",
        { } v when Math.Abs(v) >= 100 => v.ToString("F0", CultureInfo.InvariantCulture),
        { } v when Math.Abs(v) >= 1 => v.ToString("F2", CultureInfo.InvariantCulture),
        { } v => v.ToString("F3", CultureInfo.InvariantCulture),
    };
}
