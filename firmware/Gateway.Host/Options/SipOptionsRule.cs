using System.Net;
using Gateway.Telephony.Accounts;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Options;

/// <summary>The cross-field rules of <c>Gateway:Sip</c>: addresses that parse, a Contact host that can be reached, box credentials in pairs.</summary>
public sealed class SipOptionsRule : IValidateOptions<GatewayOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sip = options.Sip;
        if (!sip.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!IPAddress.TryParse(sip.BindAddress, out var bind))
        {
            failures.Add($"BindAddress: GatewayOptions.Sip.BindAddress '{sip.BindAddress}' is not an IP address");
        }

        if (sip.ContactHost is { } contact && !IPAddress.TryParse(contact, out _))
        {
            failures.Add($"ContactHost: GatewayOptions.Sip.ContactHost '{contact}' is not an IP address");
        }
        else if (sip.ContactHost is null && bind is not null && (bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any)))
        {
            failures.Add("ContactHost: GatewayOptions.Sip.ContactHost is required when BindAddress is a wildcard");
        }

        CheckServer(failures, "Registrar", sip.Registrar);
        CheckServer(failures, "OutboundProxy", sip.OutboundProxy);
        if (sip.Domain is { } domain && (domain.Length is 0 or > 255 || domain.Contains('@', StringComparison.Ordinal) || domain.Any(char.IsWhiteSpace)))
        {
            failures.Add($"Domain: GatewayOptions.Sip.Domain '{domain}' is not a host[:port]");
        }

        if (sip.RetryMaxSeconds < sip.RetryBaseSeconds)
        {
            failures.Add("RetryMaxSeconds: GatewayOptions.Sip.RetryMaxSeconds must not be below RetryBaseSeconds");
        }

        if (string.IsNullOrEmpty(sip.BoxUser) != string.IsNullOrEmpty(sip.BoxPassword))
        {
            failures.Add("BoxUser: GatewayOptions.Sip.BoxUser and BoxPassword go together");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckServer(List<string> failures, string field, string? value)
    {
        if (value is not null && !SipServerAddress.TryParse(value, out _))
        {
            failures.Add($"{field}: GatewayOptions.Sip.{field} '{value}' is not sip:IP[:port] or IP[:port]");
        }
    }
}
