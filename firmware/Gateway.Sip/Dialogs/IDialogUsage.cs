using Gateway.Sip.Message;
using Gateway.Sip.Transactions;

namespace Gateway.Sip.Dialogs;

/// <summary>What owns a dialog (a call): the <see cref="DialogTable"/> hands it the requests of its dialog only.</summary>
public interface IDialogUsage
{
    /// <summary>The dialog.</summary>
    Dialog Dialog { get; }

    /// <summary>An in-dialog request whose CSeq was in order; answer through the transaction.</summary>
    /// <param name="transaction">The server transaction.</param>
    void OnInDialogRequest(ServerTransaction transaction);

    /// <summary>An ACK for a 2xx this usage sent.</summary>
    /// <param name="ack">The ACK.</param>
    void OnInDialogAck(SipRequest ack);
}
