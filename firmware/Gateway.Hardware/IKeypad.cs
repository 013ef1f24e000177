namespace Gateway.Hardware;

/// <summary>A DTMF-style keypad. Publishes one <see cref="KeyPressed"/> per press into its sink.</summary>
public interface IKeypad : IDisposable
{
}
