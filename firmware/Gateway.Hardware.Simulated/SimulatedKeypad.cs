using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Simulated;

/// <summary>A keypad driven by code (bench console, tests): presses go through the normal keypad logic.</summary>
public sealed class SimulatedKeypad : KeypadBase
{
    // Separate sequences (for example one bench request per key) must also keep their presses apart,
    // or the keypad logic rightly takes a quick repeat of the same key for contact bounce.
    private long _lastPress = long.MinValue;

    /// <summary>Creates the keypad.</summary>
    /// <param name="sink">Receives <see cref="KeyPressed"/>.</param>
    /// <param name="timeProvider">Clock for debounce and sequence delays.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="keyDebounce">Bounce window, see <see cref="KeypadBase"/>.</param>
    public SimulatedKeypad(IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger = null, TimeSpan? keyDebounce = null)
        : base(sink, timeProvider, logger, keyDebounce)
    {
    }

    /// <summary>Presses and releases one key.</summary>
    /// <param name="key">One of 0-9, *, #, A-D.</param>
    /// <exception cref="ArgumentException">The key is not a keypad key.</exception>
    public void Press(char key)
    {
        ThrowIfInvalid(key, nameof(key));
        OnKeyDown(key);
        OnKeyUp(key);
        Interlocked.Exchange(ref _lastPress, TimeProvider.GetTimestamp());
    }

    /// <summary>
    /// Presses keys one after another, at least <paramref name="interKeyDelay"/> apart, counting from the last press of
    /// any earlier sequence too.
    /// </summary>
    /// <param name="keys">Keys from 0-9, *, #, A-D; validated before the first press.</param>
    /// <param name="interKeyDelay">Delay between presses; at least <see cref="KeypadBase.KeyDebounce"/> so repeated keys are not merged.</param>
    /// <param name="cancellationToken">Stops the sequence.</param>
    /// <returns>Completes after the last key.</returns>
    public async Task PressSequenceAsync(string keys, TimeSpan interKeyDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            ThrowIfInvalid(key, nameof(keys));
        }

        if (interKeyDelay < KeyDebounce)
        {
            throw new ArgumentOutOfRangeException(nameof(interKeyDelay), interKeyDelay,
                $"The delay between keys must be at least the key debounce ({KeyDebounce.TotalMilliseconds} ms), or a repeated key would be taken as bounce.");
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var last = Interlocked.Read(ref _lastPress);
            var wait = last == long.MinValue ? TimeSpan.Zero : interKeyDelay - TimeProvider.GetElapsedTime(last);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, TimeProvider, cancellationToken);
            }

            Press(keys[i]);
        }
    }

    private static void ThrowIfInvalid(char key, string parameterName)
    {
        if (!KeypadKeys.IsValid(key))
        {
            throw new ArgumentException($"'{key}' (U+{(int)key:X4}) is not a keypad key; valid keys are 0-9, *, # and A-D.", parameterName);
        }
    }
}
