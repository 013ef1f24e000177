using Gateway.SmartCard;
using Gateway.SmartCard.PcscLite;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>
/// Opens a card session on a card in a PC/SC reader, the gateway's own path (pcscd, SCardConnect, SELECT, PIN,
/// record, validation), and turns each way it can fail into one error line and one hint.
/// </summary>
internal static class ReaderCardOpener
{
    /// <summary>The session (which owns the card connection) and the context it runs on, or null after an error was printed.</summary>
    public static async Task<ReaderCard?> OpenAsync(string reader, string? pinFile, CommandConsole console, CancellationToken ct)
    {
        PcscContext? context;
        try
        {
            context = PcscContext.Establish();
        }
        catch (PcscException e)
        {
            console.Error($"cannot reach pcscd: {e.Message}", "start pcscd; PC/SC readers are reached through it");
            return null;
        }
        catch (DllNotFoundException)
        {
            console.Error("no PC/SC library (libpcsclite.so.1)", "install libpcsclite1 and pcscd");
            return null;
        }

        PcscCardTransceiver? transceiver = null;
        try
        {
            transceiver = PcscCardTransceiver.Connect(context, reader);
            var pin = pinFile is null ? null : (await File.ReadAllLinesAsync(pinFile, ct)).FirstOrDefault()?.Trim();
            var result = await new CardSessionFactory(new CardSessionOptions { AllowStorageCards = true })
                .CreateAsync(transceiver, reader, (_, _) => ValueTask.FromResult(string.IsNullOrEmpty(pin) ? null : pin), ct);
            if (result.Session is { } session)
            {
                transceiver = null;
                var opened = new ReaderCard(session, context);
                context = null;
                return opened;
            }

            console.Error($"the card in '{reader}' refused the session: {result.RejectionReason}{TriesLeft(result)}", Hint(result.RejectionReason));
            return null;
        }
        catch (CardRemovedException)
        {
            console.Error($"no card in '{reader}' (or it was pulled)", "insert the card and run the command again");
            return null;
        }
        catch (PcscException e)
        {
            console.Error($"cannot use reader '{reader}': {e.Message}", $"readers pcscd knows: {KnownReaders(context!)}");
            return null;
        }
        finally
        {
            transceiver?.Dispose();
            context?.Dispose();
        }
    }

    private static string TriesLeft(CardSessionResult result) =>
        result.PinTriesLeft is { } tries && result.RejectionReason != CardRejectionReasons.PinBlocked ? $" ({tries} PIN tries left)" : string.Empty;

    private static string Hint(string? reason) => reason switch
    {
        CardRejectionReasons.PinCancelled => "the card asks for a PIN: give it with --pin-file PATH",
        CardRejectionReasons.PinWrong => "check the PIN in --pin-file; each wrong PIN uses up a try",
        CardRejectionReasons.PinBlocked => "the PIN is blocked; the card must be reissued",
        CardRejectionReasons.NotSupported => "the card has no follow-me application or storage file",
        _ => "'gatewayctl card show' explains the profile checks for a card file; reissue the card with 'gatewayctl card new'",
    };

    private static string KnownReaders(PcscContext context)
    {
        try
        {
            var readers = context.ListReaders();
            return readers.Count == 0 ? "none" : string.Join(", ", readers.Select(r => $"\"{r}\""));
        }
        catch (PcscException)
        {
            return "none";
        }
    }
}
