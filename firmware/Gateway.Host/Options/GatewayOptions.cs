using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Options;

/// <summary>The gateway's own settings: the <c>Gateway</c> section of appsettings.json or /etc/gateway/gateway.json.</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Gateway";

    /// <summary>Gets or sets the device id reported in status and added to outgoing calls. Defaults to the host name.</summary>
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", ErrorMessage = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")]
    public string? DeviceId { get; set; }

    /// <summary>Gets or sets the board: a name under <see cref="BoardDirectory"/> (e.g. <c>bench</c>) or a path to a board file.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Board { get; set; } = "bench";

    /// <summary>Gets or sets the folder holding the board files. Relative paths are relative to the application folder.</summary>
    [Required(AllowEmptyStrings = false)]
    public string BoardDirectory { get; set; } = "board-config";

    /// <summary>Gets or sets the management API settings.</summary>
    [Required]
    [ValidateObjectMembers]
    public ApiOptions Api { get; set; } = new();

    /// <summary>Gets or sets the log file settings.</summary>
    [Required]
    [ValidateObjectMembers]
    public LogFileOptions Logs { get; set; } = new();

    /// <summary>Gets or sets the smart-card settings.</summary>
    [Required]
    [ValidateObjectMembers]
    public CardOptions Cards { get; set; } = new();

    /// <summary>Gets or sets the SIP settings (registrations of card accounts, calls).</summary>
    [Required]
    [ValidateObjectMembers]
    public SipOptions Sip { get; set; } = new();

    /// <summary>Gets or sets how long the host waits for stations to stop on shutdown.</summary>
    [TimeSpanRange("00:00:01", "00:01:00", ErrorMessage = "must be between 1 s and 1 min")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
