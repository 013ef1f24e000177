using System.ComponentModel;
using System.Text.Json;
using Gateway.NetworkServer;
using Microsoft.Data.Sqlite;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Subscribers;

/// <summary><c>gatewayctl subscriber add</c>: provisions an account; only its HA1 values are stored.</summary>
/// <param name="output">Where results are printed.</param>
/// <param name="console">Where errors, warnings and hints go.</param>
/// <param name="input">Standard input, for --password-stdin.</param>
public sealed class SubscriberAddCommand(CommandOutput output, CommandConsole console, CommandInput input) : AsyncCommand<SubscriberAddSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, SubscriberAddSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var db = settings.Db!;
        if (settings.Password is not null)
        {
            console.Warning("--password is visible to other users in 'ps' and stays in shell history; prefer --password-stdin");
        }

        var password = await PasswordSource.ReadAsync(settings.Password, settings.PasswordFile, input.Reader, cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            console.Error("the password is empty", "pipe a non-empty line to --password-stdin, or check the --password-file");
            return GatewayCtlApp.UsageError;
        }

        try
        {
            if (!File.Exists(db))
            {
                await NetworkServerDatabase.CreateAsync(db, null, cancellationToken);
            }

            var stored = await new SubscriberStore(db, settings.Realm!)
                .AddAsync(new NewSubscriber(settings.User!, password, settings.Number!, settings.DefaultDestination), cancellationToken);
            var info = SubscriberInfo.From(stored);
            output.Writer.WriteLine(settings.Json
                ? JsonSerializer.Serialize(info, SubscriberJsonContext.Plain.SubscriberInfo)
                : $"added {info.User} in realm {info.Realm}, follow-me number {info.FollowMeNumber}"
                    + (info.DefaultDestination is null ? string.Empty : $", default destination {info.DefaultDestination}"));
            return SubscriberExitCodes.Ok;
        }
        catch (ArgumentException e)
        {
            console.Error(Plain(e), "see 'gatewayctl subscriber add --help' for the accepted forms");
            return GatewayCtlApp.UsageError;
        }
        catch (InvalidOperationException e) when (e.InnerException is SqliteException)
        {
            var userTaken = await new SubscriberStore(db, settings.Realm!).GetAsync(settings.User!, cancellationToken) is not null;
            console.Error(
                userTaken ? $"subscriber '{settings.User}' already exists in realm '{settings.Realm}'" : $"number {settings.Number} already belongs to another subscriber",
                userTaken ? $"remove it first with 'gatewayctl subscriber remove --db {db} --user {settings.User} --realm {settings.Realm}'" : $"see 'gatewayctl subscriber list --db {db}'");
            return SubscriberExitCodes.Failed;
        }
        catch (Exception e) when (e is InvalidOperationException or SqliteException or Win32Exception or IOException)
        {
            console.Error(e.Message, "check that the file is a network server database and that sqlite3 and Kamailio's db_sqlite scripts are installed");
            return SubscriberExitCodes.Failed;
        }
    }

    private static string Plain(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
}
