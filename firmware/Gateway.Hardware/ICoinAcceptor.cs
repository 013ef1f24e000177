namespace Gateway.Hardware;

/// <summary>A pulse-output coin mechanism. Publishes one <see cref="CoinInserted"/> per coin into its sink.</summary>
public interface ICoinAcceptor : IDisposable
{
}
