using System.Net;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Options;

/// <summary>
/// The API's cross-field rule: anything but loopback needs a bearer token, because the bench routes
/// and the status page must not be open to the lobby's LAN.
/// </summary>
public sealed class ApiBindingRule : IValidateOptions<GatewayOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Api.BindAddress, out var address))
        {
            return ValidateOptionsResult.Fail(
                $"BindAddress: GatewayOptions.Api.BindAddress '{options.Api.BindAddress}' is not an IP address");
        }

        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(options.Api.BearerToken))
        {
            return ValidateOptionsResult.Fail(
                "BearerToken: GatewayOptions.Api.BearerToken is required when BindAddress is not loopback");
        }

        return ValidateOptionsResult.Success;
    }
}
