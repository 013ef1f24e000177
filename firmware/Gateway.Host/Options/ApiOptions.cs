using System.ComponentModel.DataAnnotations;

namespace Gateway.Host.Options;

/// <summary>Where and how the management API listens.</summary>
public sealed class ApiOptions
{
    /// <summary>Gets or sets whether the API runs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the bind address. Loopback by default; any other address requires <see cref="BearerToken"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the TCP port (0 picks a free one and logs it).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8080;

    /// <summary>Gets or sets the bearer token clients must send. Required when <see cref="BindAddress"/> is not loopback.</summary>
    [StringLength(4096, MinimumLength = 16, ErrorMessage = "must be at least 16 characters")]
    public string? BearerToken { get; set; }
}
