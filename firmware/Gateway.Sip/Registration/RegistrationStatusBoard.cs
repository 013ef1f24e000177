using Microsoft.Extensions.Logging;

namespace Gateway.Sip.Registration;

/// <summary>The current status of one registration, its change event and the tasks waiting for a status.</summary>
internal sealed class RegistrationStatusBoard(RegistrationStatus initial, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<(Func<RegistrationStatus, bool> Predicate, TaskCompletionSource<RegistrationStatus> Done)> _waiters = [];
    private RegistrationStatus _current = initial;

    public event EventHandler<RegistrationStatus>? Changed;

    public RegistrationStatus Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public void Publish(object sender, RegistrationStatus status)
    {
        List<TaskCompletionSource<RegistrationStatus>>? done = null;
        lock (_gate)
        {
            _current = status;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(status))
                {
                    (done ??= []).Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        done?.ForEach(d => d.TrySetResult(status));
        try
        {
            Changed?.Invoke(sender, status);
        }
        catch (Exception ex)
        {
            // A faulty observer must not stop the registration loop.
            logger.LogError(ex, "Registration: a StatusChanged handler failed for {Aor}", status.Aor);
        }
    }

    public Task<RegistrationStatus> WaitForAsync(Func<RegistrationStatus, bool> predicate, CancellationToken ct)
    {
        var done = new TaskCompletionSource<RegistrationStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (predicate(_current))
            {
                return Task.FromResult(_current);
            }

            _waiters.Add((predicate, done));
        }

        if (ct.CanBeCanceled)
        {
            var registration = ct.Register(() =>
            {
                lock (_gate)
                {
                    _waiters.RemoveAll(w => w.Done == done);
                }

                done.TrySetCanceled(ct);
            });
            _ = done.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return done.Task;
    }
}
