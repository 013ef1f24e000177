using System.Text.Json;
using Gateway.NetworkServer;
using Microsoft.Data.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Subscribers;

/// <summary><c>gatewayctl subscriber list</c>: prints user, realm, follow-me number and default destination (never HA1).</summary>
/// <param name="output">Where results are printed.</param>
/// <param name="console">Where errors go.</param>
public sealed class SubscriberListCommand(CommandOutput output, CommandConsole console) : AsyncCommand<SubscriberListSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, SubscriberListSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var db = settings.Db!;
        var subscribers = new List<SubscriberInfo>();
        try
        {
            var realms = settings.Realm is { } realm ? [realm] : await SubscriberRealms.ListAsync(db, cancellationToken);
            foreach (var r in realms)
            {
                subscribers.AddRange((await new SubscriberStore(db, r).ListAsync(cancellationToken)).Select(SubscriberInfo.From));
            }
        }
        catch (SqliteException e)
        {
            console.Error($"cannot read {db}: {e.Message}", "check that the file is a network server database");
            return SubscriberExitCodes.Failed;
        }

        if (settings.Json)
        {
            output.Writer.WriteLine(JsonSerializer.Serialize(subscribers.ToArray(), SubscriberJsonContext.Plain.SubscriberInfoArray));
        }
        else if (subscribers.Count == 0)
        {
            output.Writer.WriteLine("no subscribers");
        }
        else
        {
            Render(subscribers);
        }

        return SubscriberExitCodes.Ok;
    }

    private void Render(List<SubscriberInfo> subscribers)
    {
        var table = new Table().AddColumns("User", "Realm", "Follow-me number", "Default destination");
        foreach (var s in subscribers)
        {
            table.AddRow(Markup.Escape(s.User), Markup.Escape(s.Realm), Markup.Escape(s.FollowMeNumber ?? "-"), Markup.Escape(s.DefaultDestination ?? "-"));
        }

        // The table goes to the result writer, not the error console, so 'list > file' captures it.
        var writer = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output.Writer),
            Ansi = ReferenceEquals(output.Writer, Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(output.Writer, Console.Out) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        writer.Write(table);
    }
}
