using Gateway.SmartCard;

namespace Gateway.Host.Cards;

/// <summary>What the station's display says when a card is refused.</summary>
public static class CardMessages
{
    /// <summary>The display lines for a rejection, fitted to the display so no word is cut.</summary>
    /// <param name="reason">A reason from <see cref="CardRejectionReasons"/>.</param>
    /// <param name="triesLeft">PIN tries left, for a wrong PIN.</param>
    /// <param name="columns">The display's width.</param>
    /// <returns>The lines, top first.</returns>
    public static IReadOnlyList<string> ForRejection(string reason, int? triesLeft, int columns)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (reason == CardRejectionReasons.PinWrong)
        {
            var text = $"Wrong PIN, {triesLeft ?? 0} left";
            return text.Length <= columns ? [text, "Remove card"] : ["Wrong PIN", $"{triesLeft ?? 0} left"];
        }

        var message = reason switch
        {
            CardRejectionReasons.NotSupported or CardRejectionReasons.StorageCardRefused => "Card not supported",
            CardRejectionReasons.PinBlocked => "Card blocked",
            CardRejectionReasons.Expired => "Card expired",
            CardRejectionReasons.PinCancelled => "PIN cancelled",
            _ => "Card unreadable",
        };
        if (message.Length <= columns)
        {
            return [message, "Remove card"];
        }

        // A 16-column pay-phone display cannot hold "Card not supported" on one line: wrap at a word instead.
        var split = message.LastIndexOf(' ', Math.Min(columns, message.Length - 1));
        return split > 0 ? [message[..split], message[(split + 1)..]] : [message];
    }
}
