using System.ComponentModel;
using System.Text.Json;
using Gateway.NetworkServer;
using Gateway.SmartCard;
using Gateway.VirtualCard;
using Microsoft.Data.Sqlite;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>
/// <c>gatewayctl card new</c>: writes a virtual card file (HA1 per algorithm, never the password) and, with
/// <c>--db</c>, provisions the same subscriber in the network server database.
/// </summary>
/// <param name="output">Where results are printed.</param>
/// <param name="console">Where errors and hints go.</param>
/// <param name="input">Standard input, for --password-stdin.</param>
public sealed class CardNewCommand(CommandOutput output, CommandConsole console, CommandInput input) : AsyncCommand<CardNewSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, CardNewSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var password = await PasswordSource.ReadAsync(null, settings.PasswordFile, input.Reader, cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            console.Error("the password is empty", "pipe a non-empty line to --password-stdin, or check the --password-file");
            return GatewayCtlApp.UsageError;
        }

        var card = CardIssuer.Build(settings, password);
        var problems = ProfileValidator.Validate(card.Profile, DateOnly.FromDateTime(DateTime.UtcNow));
        if (problems.Count > 0)
        {
            console.Error($"the card profile is not valid: {string.Join(", ", problems)}", "check --number, --subscriber/--realm and --expiry (it must not be in the past)");
            return GatewayCtlApp.UsageError;
        }

        var path = settings.OutPath;
        if (File.Exists(path))
        {
            console.Error($"{path} already exists", "card files are never overwritten; choose another --out or delete the old file");
            return CardExitCodes.Failed;
        }

        if (settings.Db is { } db && await ProvisionAsync(db, settings, password, cancellationToken) is { } failed)
        {
            return failed;
        }

        try
        {
            await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await JsonSerializer.SerializeAsync(stream, card, VirtualCardJsonContext.Default.VirtualCardFile, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error($"cannot write {path}: {e.Message}", settings.Db is null ? "check the --out path" : "the subscriber was added; write the card again after fixing --out, or remove the subscriber");
            return CardExitCodes.Failed;
        }

        output.Writer.WriteLine($"wrote card {card.Profile.CardSerial} for {card.Profile.SipAor} ({card.Profile.FollowMeNumber}) to {path}; "
            + $"PIN {(card.Pin is null ? "not required" : "required")}; algorithms {string.Join(", ", card.Ha1.Keys)}");
        if (settings.Db is not null)
        {
            output.Writer.WriteLine($"added subscriber {settings.Subscriber} in realm {settings.Realm} to {settings.Db}");
        }

        return CardExitCodes.Ok;
    }

    private async Task<int?> ProvisionAsync(string db, CardNewSettings settings, string password, CancellationToken ct)
    {
        var store = new SubscriberStore(db, settings.Realm!);
        try
        {
            if (!File.Exists(db))
            {
                await NetworkServerDatabase.CreateAsync(db, null, ct);
            }
            else if (await store.GetAsync(settings.Subscriber!, ct) is not null)
            {
                console.Error($"subscriber '{settings.Subscriber}' already exists in realm '{settings.Realm}'; no card was written",
                    $"issue the card without --db, or remove it first with 'gatewayctl subscriber remove --db {db} --user {settings.Subscriber} --realm {settings.Realm}'");
                return CardExitCodes.Failed;
            }

            await store.AddAsync(new NewSubscriber(settings.Subscriber!, password, settings.Number!), ct);
            return null;
        }
        catch (ArgumentException e)
        {
            console.Error(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal),
                "see 'gatewayctl card new --help' for the accepted forms");
            return GatewayCtlApp.UsageError;
        }
        catch (InvalidOperationException e) when (e.InnerException is SqliteException)
        {
            console.Error($"number {settings.Number} already belongs to another subscriber; no card was written", $"see 'gatewayctl subscriber list --db {db}'");
            return CardExitCodes.Failed;
        }
        catch (Exception e) when (e is InvalidOperationException or SqliteException or Win32Exception or IOException)
        {
            console.Error($"{e.Message}; no card was written", "check that the file is a network server database and that sqlite3 and Kamailio's db_sqlite scripts are installed");
            return CardExitCodes.Failed;
        }
    }
}
