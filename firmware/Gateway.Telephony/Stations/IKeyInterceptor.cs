namespace Gateway.Telephony.Stations;

/// <summary>
/// Takes keypad presses away from dialling while it is installed (for example a PIN prompt), so the keys
/// are neither dialled nor published as <c>key</c> events.
/// </summary>
public interface IKeyInterceptor
{
    /// <summary>Offers one keypad key; called on the station's event loop, so it must not block.</summary>
    /// <param name="key">One of 0-9, *, #, A-D.</param>
    /// <returns><see langword="true"/> if the key was consumed and must not reach the dialler.</returns>
    bool TryInterceptKey(char key);
}
