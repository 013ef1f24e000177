using System.Collections.Concurrent;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;

namespace Gateway.Sip.Dialogs;

/// <summary>
/// The live dialogs by <see cref="DialogId"/>. Each in-dialog request goes to its one dialog's usage
/// (never to every call); a request with a To tag that matches nothing gets 481 (§12.2.2), one whose
/// CSeq is lower than the last gets 500. Thread-safe.
/// </summary>
public sealed class DialogTable
{
    private readonly ConcurrentDictionary<DialogId, IDialogUsage> _dialogs = new();

    /// <summary>Number of registered dialogs.</summary>
    public int Count => _dialogs.Count;

    /// <summary>Registers a usage under its dialog's id.</summary>
    /// <param name="usage">The usage.</param>
    /// <returns>False when the id is already taken.</returns>
    public bool TryAdd(IDialogUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return _dialogs.TryAdd(usage.Dialog.Id, usage);
    }

    /// <summary>Removes a usage, only if it is the one registered under its id.</summary>
    /// <param name="usage">The usage.</param>
    /// <returns>True when removed.</returns>
    public bool Remove(IDialogUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return _dialogs.TryRemove(new KeyValuePair<DialogId, IDialogUsage>(usage.Dialog.Id, usage));
    }

    /// <summary>Removes the entry under an id (e.g. an early dialog replaced by another fork's), only if it is this usage's.</summary>
    /// <param name="id">The id the usage was registered under.</param>
    /// <param name="usage">The usage.</param>
    /// <returns>True when removed.</returns>
    public bool Remove(DialogId id, IDialogUsage usage)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(usage);
        return _dialogs.TryRemove(new KeyValuePair<DialogId, IDialogUsage>(id, usage));
    }

    /// <summary>Looks a dialog up.</summary>
    /// <param name="id">The id.</param>
    /// <param name="usage">The usage, when found.</param>
    /// <returns>True when found.</returns>
    public bool TryFind(DialogId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IDialogUsage? usage)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _dialogs.TryGetValue(id, out usage);
    }

    /// <summary>Routes a request that carries a To tag to its dialog, or answers it 481 or 500.</summary>
    /// <param name="transaction">The server transaction of the request.</param>
    /// <returns>True when a dialog took the request.</returns>
    public bool Dispatch(ServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        var id = DialogId.ForIncomingRequest(request);
        if (id is null || !_dialogs.TryGetValue(id, out var usage) || usage.Dialog.State == DialogState.Terminated)
        {
            transaction.Respond(481);
            return false;
        }

        if (!usage.Dialog.AcceptRemoteSequence(request))
        {
            transaction.Respond(500, "Out of Order CSeq");
            return false;
        }

        usage.OnInDialogRequest(transaction);
        return true;
    }

    /// <summary>Routes an ACK for a 2xx to its dialog; ACKs for no dialog are dropped (ACK is never answered).</summary>
    /// <param name="ack">The ACK.</param>
    /// <returns>True when a dialog took it.</returns>
    public bool DispatchAck(SipRequest ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        var id = DialogId.ForIncomingRequest(ack);
        if (id is null || !_dialogs.TryGetValue(id, out var usage))
        {
            return false;
        }

        usage.OnInDialogAck(ack);
        return true;
    }
}
