using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Subscribers;

/// <summary>Arguments of <c>gatewayctl subscriber remove</c>.</summary>
public sealed class SubscriberRemoveSettings : SubscriberDbSettings
{
    /// <summary>The SIP username.</summary>
    [CommandOption("--user <USER>")]
    [Description("SIP username to remove.")]
    public string? User { get; init; }

    /// <summary>The realm; needed only when the user exists in more than one.</summary>
    [CommandOption("--realm <REALM>")]
    [Description("Realm of the user; needed only when the name exists in more than one realm.")]
    public string? Realm { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        var result = base.Validate();
        return !result.Successful || !string.IsNullOrEmpty(User)
            ? result
            : Usage("--user is required", "see 'gatewayctl subscriber remove --help'");
    }
}
