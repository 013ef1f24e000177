using Gateway.Host.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Gateway.Host.Tests;

public sealed class SecretMaskingEnricherTests
{
    [Theory]
    [InlineData("Pin", true)]
    [InlineData("pin", true)]
    [InlineData("CardPin", true)]
    [InlineData("Ha1", true)]
    [InlineData("HA1Sha256", true)]
    [InlineData("Password", true)]
    [InlineData("bearer_token", true)]
    [InlineData("Authorization", true)]
    [InlineData("DigestResponse", true)]
    [InlineData("HookPin", false)]
    [InlineData("RowPins", false)]
    [InlineData("Station", false)]
    [InlineData("UserAlias", false)]
    public void IsSecretName_ClassifiesNames(string name, bool secret) =>
        Assert.Equal(secret, SecretMaskingEnricher.IsSecretName(name));

    [Fact]
    public void Enrich_SecretProperties_AreMaskedEverywhere()
    {
        var sink = new CollectingSink();
        using (var logger = new LoggerConfiguration().Enrich.With<SecretMaskingEnricher>().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("Card {Pin} for {UserAlias} with {@Account}", "1234", "alice", new { Ha1 = "0123456789abcdef", Number = "+15551234567" });
        }

        var logEvent = Assert.Single(sink.Events);
        var rendered = logEvent.RenderMessage();
        Assert.DoesNotContain("1234", rendered.Replace("+15551234567", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", rendered, StringComparison.Ordinal);
        Assert.Contains("alice", rendered, StringComparison.Ordinal);
        Assert.Contains("+15551234567", rendered, StringComparison.Ordinal);
        Assert.Contains(SecretMaskingEnricher.Mask, rendered, StringComparison.Ordinal);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
