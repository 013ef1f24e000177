using Gateway.SmartCard;
using Gateway.SmartCard.PcscLite;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>A card session on a reader with the PC/SC context it needs; disposing wipes the session, then releases the context.</summary>
internal sealed record ReaderCard(CardSession Session, PcscContext Context) : IDisposable
{
    public void Dispose()
    {
        Session.Dispose();
        Context.Dispose();
    }
}
