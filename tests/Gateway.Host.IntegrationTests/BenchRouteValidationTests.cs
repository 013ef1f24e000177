using System.Text.Json;

namespace Gateway.Host.IntegrationTests;

/// <summary>Bad input on the bench routes: one gateway process serves every case, and must keep serving.</summary>
public sealed class BenchRouteValidationTests(BenchGatewayFixture fixture) : IClassFixture<BenchGatewayFixture>
{
    [Theory]
    [InlineData("/api/bench/stations/station-1/hook", "{\"offHook\":", 400)]
    [InlineData("/api/bench/stations/station-1/hook", "{\"offHook\":\"yes\"}", 400)]
    [InlineData("/api/bench/stations/station-1/hook", "{}", 400)]
    [InlineData("/api/bench/stations/station-1/hook", "", 400)]
    [InlineData("/api/bench/stations/no-such-station/hook", "{\"offHook\":true}", 404)]
    [InlineData("/api/bench/stations/station-1/keys", "{\"keys\":\"12X\"}", 400)]
    [InlineData("/api/bench/stations/station-1/keys", "{\"keys\":\"1\",\"interKeyDelayMs\":1}", 400)]
    [InlineData("/api/bench/stations/station-1/keys", "{\"keys\":\"1\",\"typo\":1}", 400)]
    [InlineData("/api/bench/stations/station-1/flash", "{}", 409)]
    [InlineData("/api/no-such-route", "{}", 404)]
    public async Task BenchRoutes_BadInput_AnswerWithProblemJson(string path, string body, int expectedStatus)
    {
        var gateway = fixture.Gateway;

        using var response = await gateway.PostJsonAsync(path, body);

        Assert.Equal(expectedStatus, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expectedStatus, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));

        // The gateway keeps serving after bad input.
        var status = await gateway.GetStatusAsync();
        Assert.Equal("bench", status.GetProperty("board").GetString());
    }
}
