using System.ComponentModel.DataAnnotations;

namespace Gateway.Host.Options;

/// <summary>The rolling log files.</summary>
public sealed class LogFileOptions
{
    /// <summary>Gets or sets the folder. Empty means <c>/var/log/gateway</c> on a device and <c>./logs</c> on the bench.</summary>
    public string? Directory { get; set; }

    /// <summary>Gets or sets the size at which a day's file rolls over to a new one.</summary>
    [Range(64 * 1024, 1024L * 1024 * 1024)]
    public long FileSizeLimitBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Gets or sets how many files are kept.</summary>
    [Range(1, 365)]
    public int RetainedFileCount { get; set; } = 14;

    /// <summary>Gets or sets whether the files are compact JSON (one event per line) rather than text.</summary>
    public bool Json { get; set; }
}
