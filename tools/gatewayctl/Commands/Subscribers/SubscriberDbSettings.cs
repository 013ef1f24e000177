using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Subscribers;

/// <summary>Options every <c>gatewayctl subscriber</c> command takes.</summary>
public class SubscriberDbSettings : CommandSettings
{
    /// <summary>The network server's SQLite database.</summary>
    [CommandOption("--db <PATH>")]
    [Description("The network server's SQLite database (created by 'subscriber add' when missing).")]
    public string? Db { get; init; }

    /// <summary>Print JSON instead of text.</summary>
    [CommandOption("--json")]
    [Description("Print JSON instead of text.")]
    public bool Json { get; init; }

    /// <summary>True when the command may create the database.</summary>
    protected virtual bool CreatesDatabase => false;

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Db))
        {
            return Usage("--db PATH is required", "give the network server database, e.g. --db /var/lib/gateway/ns.sqlite");
        }

        return CreatesDatabase || File.Exists(Db)
            ? ValidationResult.Success()
            : Usage($"database not found: {Db}", "check the path, or create it with 'gatewayctl subscriber add'");
    }

    /// <summary>A usage error as one error line and one hint line.</summary>
    /// <param name="error">What is wrong.</param>
    /// <param name="hint">What to do.</param>
    /// <returns>The validation result.</returns>
    protected static ValidationResult Usage(string error, string hint) => ValidationResult.Error($"{error}\nhint: {hint}");
}
