using System.Text.Json;
using Gateway.VirtualCard;

namespace Gateway.Host.IntegrationTests;

/// <summary>Virtual card personalizations for tests that insert cards themselves.</summary>
internal static class TestCards
{
    public static string ExamplePath { get; } = Path.Combine(RepoPaths.Root, "tools", "virtual-card", "cards", "example-applet.json");

    /// <summary>The example card without its PIN, so no keypad typing enters timings or flows that are not about the PIN.</summary>
    public static async Task<VirtualCardFile> NoPinAsync()
    {
        var json = await File.ReadAllTextAsync(ExamplePath);
        var file = JsonSerializer.Deserialize(json.Replace("\"pin\": \"2468\"", "\"pin\": null", StringComparison.Ordinal), VirtualCardJsonContext.Default.VirtualCardFile)!;
        Assert.Null(file.Pin);
        return file;
    }
}
