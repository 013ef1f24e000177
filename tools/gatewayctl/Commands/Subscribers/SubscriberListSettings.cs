using System.ComponentModel;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Subscribers;

/// <summary>Arguments of <c>gatewayctl subscriber list</c>.</summary>
public sealed class SubscriberListSettings : SubscriberDbSettings
{
    /// <summary>Only this realm; every realm when null.</summary>
    [CommandOption("--realm <REALM>")]
    [Description("List only this realm (default: every realm).")]
    public string? Realm { get; init; }
}
