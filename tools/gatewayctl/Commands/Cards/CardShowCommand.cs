using System.Globalization;
using System.Text.Json;
using Gateway.SmartCard;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Cards;

/// <summary><c>gatewayctl card show FILE [--json]</c>: the card's public contents, never HA1 or PIN.</summary>
/// <param name="output">Where results are printed.</param>
/// <param name="console">Where errors and hints go.</param>
public sealed class CardShowCommand(CommandOutput output, CommandConsole console) : AsyncCommand<CardShowSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, CardShowSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (file, error) = await CardFileReader.ReadAsync(settings.File, cancellationToken);
        if (file is null)
        {
            console.Error(error!, "check the file, or issue a new card with 'gatewayctl card new'");
            return CardExitCodes.Failed;
        }

        var info = CardInfo.From(file, DateOnly.FromDateTime(DateTime.UtcNow));
        if (settings.Json)
        {
            output.Writer.WriteLine(JsonSerializer.Serialize(info, CardJsonContext.Plain.CardInfo));
        }
        else
        {
            WriteText(output.Writer, info);
        }

        return CardExitCodes.Ok;
    }

    private static void WriteText(TextWriter w, CardInfo info)
    {
        w.WriteLine($"Serial:              {info.Serial ?? "-"}");
        w.WriteLine($"Expiry:              {info.Expiry ?? "none"}");
        w.WriteLine($"Kind:                {info.Kind}");
        w.WriteLine($"Follow-me number:    {info.FollowMeNumber}");
        w.WriteLine($"AOR:                 {info.SipAor}");
        w.WriteLine($"User:                {info.AuthUser}");
        w.WriteLine($"Realm:               {info.Realm}");
        w.WriteLine($"Display name:        {info.DisplayName ?? "-"}");
        w.WriteLine($"Registrars:          {List(info.Registrars)}");
        w.WriteLine($"Outbound proxies:    {List(info.OutboundProxies)}");
        w.WriteLine($"Codecs:              {List(info.Codecs)}");
        w.WriteLine($"Ring cadence:        {info.RingCadence ?? "-"}");
        w.WriteLine($"Language:            {info.Language ?? "-"}");
        w.WriteLine($"Default destination: {info.DefaultDestination ?? "-"}");
        w.WriteLine($"Call filters:        {(info.CallFilters.Count == 0 ? "none" : string.Empty)}");
        for (var i = 0; i < info.CallFilters.Count; i++)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i + 1}. {Rule(info.CallFilters[i])}"));
        }

        w.WriteLine($"Default action:      {info.DefaultFilterAction}");
        w.WriteLine($"Speed dials:         {(info.SpeedDials.Count == 0 ? "none" : string.Empty)}");
        foreach (var dial in info.SpeedDials)
        {
            w.WriteLine($"  {dial.Label}: {dial.Number}");
        }

        w.WriteLine($"PIN required:        {(info.PinRequired ? "yes" : "no")}");
        w.WriteLine($"Algorithms:          {List(info.Algorithms)}");
        w.WriteLine($"Problems:            {(info.Problems.Count == 0 ? "none" : string.Join(", ", info.Problems))}");
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "-" : string.Join(", ", items);

    private static string Rule(CallFilterRule rule) => string.Create(CultureInfo.InvariantCulture,
        $"{rule.CallerPattern}  {rule.Days}  {rule.StartMinute / 60:00}:{rule.StartMinute % 60:00}-{rule.EndMinute / 60:00}:{rule.EndMinute % 60:00}  {rule.Action}{(rule.ForwardNumber is null ? string.Empty : " " + rule.ForwardNumber)}");
}
