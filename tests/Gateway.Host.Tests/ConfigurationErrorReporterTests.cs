using Gateway.Host.Options;
using Microsoft.Extensions.Configuration;

namespace Gateway.Host.Tests;

public sealed class ConfigurationErrorReporterTests
{
    [Fact]
    public void Describe_ValueFromJsonFile_NamesFileAndJsonPath()
    {
        var dir = Directory.CreateTempSubdirectory("gw-cfg-").FullName;
        try
        {
            var file = Path.Combine(dir, "gateway.json");
            File.WriteAllText(file, """{ "Gateway": { "Api": { "Port": 70000 } } }""");
            var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();
            var options = new GatewayOptions();
            configuration.GetSection("Gateway").Bind(options);

            var failures = GatewayProgram.ValidateOptions(options);
            var lines = ConfigurationErrorReporter.Describe(failures, configuration, GatewayOptions.SectionName);

            var line = Assert.Single(lines);
            Assert.StartsWith($"{file}: $.Gateway.Api.Port: ", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Describe_MissingValue_SaysNotSet()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(["--Gateway:Api:BindAddress=0.0.0.0"]).Build();
        var options = new GatewayOptions();
        configuration.GetSection("Gateway").Bind(options);

        var lines = ConfigurationErrorReporter.Describe(GatewayProgram.ValidateOptions(options), configuration, GatewayOptions.SectionName);

        var line = Assert.Single(lines);
        Assert.Equal("(not set): $.Gateway.Api.BearerToken: GatewayOptions.Api.BearerToken is required when BindAddress is not loopback", line);
    }

    [Fact]
    public void Describe_ValueFromCommandLine_SaysCommandLine()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(["--Gateway:Api:Port=-1"]).Build();
        var options = new GatewayOptions();
        configuration.GetSection("Gateway").Bind(options);

        var lines = ConfigurationErrorReporter.Describe(GatewayProgram.ValidateOptions(options), configuration, GatewayOptions.SectionName);

        Assert.StartsWith("command line: $.Gateway.Api.Port: ", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Gateway:Api:BindAddress", "not-an-ip")]
    [InlineData("Gateway:Api:BearerToken", "short")]
    [InlineData("Gateway:Logs:RetainedFileCount", "0")]
    [InlineData("Gateway:DeviceId", "bad id with spaces")]
    [InlineData("Gateway:Board", "")]
    public void ValidateOptions_BadValue_Fails(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        var options = new GatewayOptions();
        configuration.GetSection("Gateway").Bind(options);

        Assert.NotEmpty(GatewayProgram.ValidateOptions(options));
    }

    [Fact]
    public void ValidateOptions_Defaults_AreValid() =>
        Assert.Empty(GatewayProgram.ValidateOptions(new GatewayOptions()));

    [Fact]
    public void ValidateOptions_LanWithToken_IsValid()
    {
        var options = new GatewayOptions();
        options.Api.BindAddress = "0.0.0.0";
        options.Api.BearerToken = "0123456789abcdef0123";

        Assert.Empty(GatewayProgram.ValidateOptions(options));
    }
}
