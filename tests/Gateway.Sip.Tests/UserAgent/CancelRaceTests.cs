using Gateway.Sip.UserAgent;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>Accept and CANCEL from two threads at once: exactly one wins, and the loser never corrupts the call.</summary>
public class CancelRaceTests
{
    [Fact]
    public async Task AcceptAndCancelOnTwoThreads_ExactlyOneOutcome_BothCallsEnd()
    {
        for (var i = 0; i < 100; i++)
        {
            var pair = new UaPair();
            var caller = pair.Alice.Agent.Call(pair.Bob.Uri, Sdp.Offer);
            var callee = Assert.Single(pair.Bob.IncomingCalls);
            callee.Ring();
            using var start = new Barrier(2);

            var accept = Task.Run(() =>
            {
                start.SignalAndWait();
                return callee.Accept(Sdp.Answer);
            });
            var cancel = Task.Run(() =>
            {
                start.SignalAndWait();
                return caller.Cancel();
            });
            var accepted = await accept;
            if (!await cancel)
            {
                // The 200 reached Alice before she tried: nothing to cancel, the call is up.
                Assert.True(accepted);
                Assert.Equal(SipCallState.Connected, caller.State);
                await caller.HangUpAsync();
                Assert.Equal(SipCallEndReason.RemoteHangUp, (await callee.Ended).Reason);
                continue;
            }

            pair.Advance(1000); // any 2xx retransmission reaches Alice, who ACKs and BYEs it

            var calleeEnd = await callee.Ended.WaitAsync(TimeSpan.FromSeconds(5));
            var callerEnd = await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5));
            var invite487 = pair.Count("SIP/2.0 487");
            var bye = pair.Count("BYE ");
            Assert.Equal(SipCallEndReason.LocalCancel, callerEnd.Reason);
            if (accepted)
            {
                // The 200 went first: the CANCEL only got its own 200, Alice hung up with BYE.
                Assert.Equal((0, 1, SipCallEndReason.RemoteHangUp), (invite487, bye, calleeEnd.Reason));
            }
            else
            {
                Assert.Equal((1, 0, SipCallEndReason.RemoteCancel), (invite487, bye, calleeEnd.Reason));
            }

            Assert.Equal(0, pair.Alice.Agent.Dialogs.Count + pair.Bob.Agent.Dialogs.Count);
        }
    }
}
