using System.Text.Json;
using Gateway.NetworkServer;
using Microsoft.Data.Sqlite;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Subscribers;

/// <summary><c>gatewayctl subscriber remove</c>: deletes an account and its follow-me number.</summary>
/// <param name="output">Where results are printed.</param>
/// <param name="console">Where errors go.</param>
public sealed class SubscriberRemoveCommand(CommandOutput output, CommandConsole console) : AsyncCommand<SubscriberRemoveSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, SubscriberRemoveSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var db = settings.Db!;
        var user = settings.User!;
        try
        {
            var realms = settings.Realm is { } given ? [given] : await SubscriberRealms.OfUserAsync(db, user, cancellationToken);
            if (realms.Count > 1)
            {
                console.Error($"'{user}' exists in {realms.Count} realms: {string.Join(", ", realms)}", "say which one with --realm");
                return GatewayCtlApp.UsageError;
            }

            if (realms.Count == 0 || !await new SubscriberStore(db, realms[0]).RemoveAsync(user, cancellationToken))
            {
                var where = settings.Realm is null ? string.Empty : $" in realm '{settings.Realm}'";
                console.Error($"no subscriber '{user}'{where}", $"see 'gatewayctl subscriber list --db {db}'");
                return SubscriberExitCodes.Failed;
            }

            var removal = new SubscriberRemoval(user, realms[0], true);
            output.Writer.WriteLine(settings.Json
                ? JsonSerializer.Serialize(removal, SubscriberJsonContext.Plain.SubscriberRemoval)
                : $"removed {user} from realm {removal.Realm}");
            return SubscriberExitCodes.Ok;
        }
        catch (SqliteException e)
        {
            console.Error($"cannot update {db}: {e.Message}", "check that the file is a network server database and is writable");
            return SubscriberExitCodes.Failed;
        }
    }
}
