using Gateway.Telephony.Stations;

namespace Gateway.Host.Cards;

/// <summary>
/// Collects one PIN from a station's keypad: digits are shown as '*', '*' clears, '#' submits, and silence for the
/// timeout (measured from the last key) cancels. While it runs, the keypad does not dial.
/// </summary>
public sealed class PinPrompt : IKeyInterceptor
{
    /// <summary>The longest PIN the prompt accepts; further digits are ignored.</summary>
    public const int MaxDigits = 12;

    private readonly Station _station;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly Lock _gate = new();
    private readonly char[] _digits = new char[MaxDigits];
    private readonly TaskCompletionSource<string?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _length;
    private ITimer? _timer;

    /// <summary>Initializes a new instance of the <see cref="PinPrompt"/> class.</summary>
    /// <param name="station">The station whose keypad and display are used.</param>
    /// <param name="timeProvider">Clock for the timeout.</param>
    /// <param name="timeout">How long to wait after the last key.</param>
    public PinPrompt(Station station, TimeProvider timeProvider, TimeSpan timeout)
    {
        _station = station ?? throw new ArgumentNullException(nameof(station));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _timeout = timeout;
    }

    /// <summary>Shows the prompt and waits for the PIN.</summary>
    /// <param name="cancellationToken">Cancels the prompt (card pulled, gateway stopping).</param>
    /// <returns>The PIN, or <see langword="null"/> if the prompt timed out.</returns>
    public async Task<string?> AskAsync(CancellationToken cancellationToken)
    {
        using var lease = _station.InterceptKeys(this);
        await using var registration = cancellationToken.Register(() => _result.TrySetCanceled(cancellationToken));
        lock (_gate)
        {
            _timer = _timeProvider.CreateTimer(_ => _result.TrySetResult(null), null, _timeout, Timeout.InfiniteTimeSpan);
        }

        Show(0);
        try
        {
            return await _result.Task;
        }
        finally
        {
            lock (_gate)
            {
                _timer.Dispose();
                Array.Clear(_digits);
                _length = 0;
            }
        }
    }

    /// <inheritdoc />
    public bool TryInterceptKey(char key)
    {
        if (_result.Task.IsCompleted)
        {
            return false;
        }

        int shown;
        string? submitted = null;
        lock (_gate)
        {
            _timer?.Change(_timeout, Timeout.InfiniteTimeSpan);
            switch (key)
            {
                case >= '0' and <= '9' when _length < MaxDigits:
                    _digits[_length++] = key;
                    break;
                case '*':
                    Array.Clear(_digits);
                    _length = 0;
                    break;
                case '#' when _length > 0:
                    submitted = new string(_digits, 0, _length);
                    break;
                default:
                    // Letters, a '#' on an empty PIN, or digits past the limit: swallowed, so they do not dial either.
                    break;
            }

            shown = _length;
        }

        if (submitted is not null)
        {
            _result.TrySetResult(submitted);
            return true;
        }

        Show(shown);
        return true;
    }

    private void Show(int digits) =>
        _station.ShowDisplay([digits == 0 ? "Enter PIN" : $"Enter PIN {new string('*', digits)}", "# to confirm"]);
}
