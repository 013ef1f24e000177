using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary>Options of the commands that read the gateway API: a device over SSH (<c>--host</c>) or a direct <c>--url</c>.</summary>
public class ApiSettings : DeviceSettings
{
    /// <summary>A directly reachable API.</summary>
    [CommandOption("--url <URL>")]
    [Description("The gateway API directly, e.g. http://127.0.0.1:8080 on the bench (instead of --host).")]
    public string? Url { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Url is not null)
        {
            return Host is not null
                ? ValidationResult.Error("give --host or --url, not both\nhint: --url for a gateway this machine reaches, --host for a device over SSH")
                : Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? ValidationResult.Success()
                    : ValidationResult.Error($"not an http(s) URL: {Url}\nhint: e.g. --url http://127.0.0.1:8080");
        }

        return Host is null
            ? ValidationResult.Error("--host or --url is required\nhint: e.g. --host 192.168.1.50, or --url http://127.0.0.1:8080 on the bench")
            : ValidateDevice(hostRequired: true);
    }
}
