using System.ComponentModel.DataAnnotations;

namespace Gateway.Host.Options;

/// <summary>Smart-card settings: the <c>Gateway:Cards</c> section.</summary>
public sealed class CardOptions
{
    /// <summary>Gets or sets whether the gateway watches its card readers at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets whether storage cards are accepted. Off by default: a storage card hands its digest secret to
    /// the gateway, which an applet card never does.
    /// </summary>
    public bool AllowStorageCards { get; set; }

    /// <summary>Gets or sets how long the PIN prompt waits after the last key before it gives up.</summary>
    [Range(5, 300)]
    public int PinTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Gets or sets the folder of virtual card files the bench status page offers (absolute or relative to the
    /// working directory, the repository root under <c>build.ps1 bench</c>).
    /// </summary>
    public string BenchCardDirectory { get; set; } = "tools/virtual-card/cards";
}
