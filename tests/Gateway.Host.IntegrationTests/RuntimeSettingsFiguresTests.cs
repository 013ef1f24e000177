using Gateway.Bench.Perf;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// Perf case h's own logic, no processes: the stations worker's GC line (printed, then parsed by the suite) and the
/// per-pair ratios of a candidate to the baseline run beside it.
/// </summary>
public sealed class RuntimeSettingsFiguresTests
{
    [Fact]
    public void GcLine_RoundTrips()
    {
        var counts = new GcCounts(12, 3, 1, 4.25);
        Assert.Equal("gc gen0=12 gen1=3 gen2=1 pause-ms=4.250", counts.ToLine());
        Assert.Equal(counts, GcCounts.TryParse(counts.ToLine()));
    }

    [Fact]
    public void GcLine_OfThisProcess_ParsesBack()
    {
        var current = GcCounts.Current();
        var parsed = GcCounts.TryParse(current.ToLine());
        Assert.NotNull(parsed);
        Assert.Equal(current.Gen2, parsed.Gen2);
        Assert.True(parsed.Gen0 >= parsed.Gen1 && parsed.Gen1 >= parsed.Gen2);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ready")]
    [InlineData("gc")]
    [InlineData("gc ")]
    [InlineData("GC gen0=1 gen1=0 gen2=0 pause-ms=0")]
    [InlineData("gc gen0=1 gen1=0 gen2=0")]
    [InlineData("gc gen0=1 gen1=0 gen2=0 pause-ms=0 extra=1")]
    [InlineData("gc gen0=1 gen0=2 gen1=0 gen2=0")]
    [InlineData("gc gen0=1 gen1=0 gen2=0 pause-ms=0 gen0=1")]
    [InlineData("gc gen0=-1 gen1=0 gen2=0 pause-ms=0")]
    [InlineData("gc gen0=1 gen1=0 gen2=0 pause-ms=-0.5")]
    [InlineData("gc gen0=x gen1=0 gen2=0 pause-ms=0")]
    [InlineData("gc gen0=99999999999 gen1=0 gen2=0 pause-ms=0")]
    [InlineData("gc gen0=1 gen1=0 gen2=0 pause-ms=")]
    [InlineData("gc gen0=1 gen1=0 gen2=0 pause-ms=1e400")]
    [InlineData("gc gen0=1 gen1=0 gen2=0 =5")]
    [InlineData("gc gen0 gen1=0 gen2=0 pause-ms=0")]
    [InlineData("gc gen0=1,5 gen1=0 gen2=0 pause-ms=0")]
    public void GcLine_Malformed_IsNull(string? line) => Assert.Null(GcCounts.TryParse(line));

    [Fact]
    public void GcLine_ExtraSpaces_AreTolerated() =>
        Assert.Equal(new GcCounts(2, 1, 0, 0.5), GcCounts.TryParse("gc  gen0=2  gen1=1 gen2=0 pause-ms=0.5"));

    [Fact]
    public void PairedRatios_ArePerPair_NotRatiosOfMedians()
    {
        // Drift: the second pair ran on a busier machine; each pair still says the candidate costs half.
        var ratios = PairedRatios.Of([(10.0, 5.0), (40.0, 20.0)]);
        Assert.NotNull(ratios);
        Assert.Equal([0.5, 0.5], ratios);
    }

    [Fact]
    public void PairedRatios_SkipPairsWithoutBothFigures_OrAZeroBaseline()
    {
        var ratios = PairedRatios.Of([(null, 1.0), (2.0, null), (0.0, 3.0), (4.0, 6.0), (double.NaN, 1.0), (1.0, double.PositiveInfinity), (-1.0, 1.0)]);
        Assert.NotNull(ratios);
        Assert.Equal([1.5], ratios);
    }

    [Fact]
    public void PairedRatios_NoUsablePair_IsNull()
    {
        Assert.Null(PairedRatios.Of([]));
        Assert.Null(PairedRatios.Of([(0.0, 0.0), (null, null)]));
    }

    [Fact]
    public void PairedRatios_NullInput_Throws() =>
        Assert.Throws<ArgumentNullException>(() => PairedRatios.Of(null!));

    [Fact]
    public void Candidates_BaselineFirst_OthersSetOneVariableEach()
    {
        foreach (var list in new[] { RuntimeCandidate.Full, RuntimeCandidate.Smoke })
        {
            Assert.True(list[0].IsBaseline);
            Assert.All(list.Skip(1), c =>
            {
                var (name, value) = Assert.Single(c.Environment);
                Assert.StartsWith("DOTNET_", name, StringComparison.Ordinal);
                Assert.Equal($"{name}={value}", c.Name);
            });
            Assert.Equal(list.Count, list.Select(c => c.Name).Distinct().Count());
        }

        Assert.Equal(2, RuntimeCandidate.Smoke.Count);
    }
}
