using Gateway.BoardConfig;
using Gateway.Host.Options;
using Gateway.Host.Sip;

namespace Gateway.Host.Tests;

public sealed class SipOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.Empty(GatewayProgram.ValidateOptions(new GatewayOptions()));
    }

    [Theory]
    [InlineData("BindAddress", "not-an-ip", null, null, null, null, null)]
    [InlineData("ContactHost", "0.0.0.0", null, null, null, null, null)]
    [InlineData("ContactHost", "127.0.0.1", "host.example", null, null, null, null)]
    [InlineData("Registrar", "127.0.0.1", null, "sip:voip.example", null, null, null)]
    [InlineData("OutboundProxy", "127.0.0.1", null, null, "tel:+1555", null, null)]
    [InlineData("BoxUser", "127.0.0.1", null, null, null, "box-7", null)]
    [InlineData("BoxUser", "127.0.0.1", null, null, null, null, "secret")]
    public void Invalid_ReportsTheField(string field, string bind, string? contact, string? registrar, string? proxy, string? boxUser, string? boxPassword)
    {
        var options = new GatewayOptions
        {
            Sip = new SipOptions { BindAddress = bind, ContactHost = contact, Registrar = registrar, OutboundProxy = proxy, BoxUser = boxUser, BoxPassword = boxPassword },
        };

        var failures = GatewayProgram.ValidateOptions(options);

        Assert.Contains(failures, f => f.StartsWith(field + ":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(59, 30, 1800, 500)]
    [InlineData(480, 0, 1800, 500)]
    [InlineData(480, 30, 10, 500)]
    [InlineData(480, 30, 1800, 10)]
    public void OutOfRange_Fails(int expiry, int retryBase, int retryMax, int t1)
    {
        var options = new GatewayOptions
        {
            Sip = new SipOptions { RegistrationExpirySeconds = expiry, RetryBaseSeconds = retryBase, RetryMaxSeconds = retryMax, T1Ms = t1 },
        };

        Assert.NotEmpty(GatewayProgram.ValidateOptions(options));
    }

    [Fact]
    public void Disabled_AddressesAreNotChecked()
    {
        Assert.Empty(GatewayProgram.ValidateOptions(new GatewayOptions { Sip = new SipOptions { Enabled = false, BindAddress = "nonsense" } }));
    }

    [Fact]
    public void EmergencyLocation_CoordinatesAndCivicAddress_OneLineEach()
    {
        var headers = EmergencyLocation.Headers(new LocationConfig
        {
            Country = "PT",
            CivicAddress = "Rua \"Augusta\" 1\r\nVia: evil",
            Description = "Lobby, booth 2",
            Latitude = 38.7101,
            Longitude = -9.1366,
        });

        Assert.Equal("<geo:38.7101,-9.1366>", headers.Single(h => h.Key == "Geolocation").Value);
        var civic = headers.Single(h => h.Key == "X-Gateway-Location").Value;
        Assert.Equal("country=PT;civic=\"Rua \\\"Augusta\\\" 1Via: evil\";description=\"Lobby, booth 2\"", civic);
        Assert.All(headers, h => Assert.DoesNotContain('\n', h.Value));
    }

    [Fact]
    public void EmergencyLocation_NoCoordinates_NoGeolocation()
    {
        var headers = EmergencyLocation.Headers(new LocationConfig { Country = "US" });

        Assert.Equal([new("X-Gateway-Location", "country=US")], headers);
        Assert.Empty(EmergencyLocation.Headers(null));
    }
}
