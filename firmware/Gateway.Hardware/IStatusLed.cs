namespace Gateway.Hardware;

/// <summary>The status LED.</summary>
public interface IStatusLed : IDisposable
{
    /// <summary>The pattern shown; setting it takes effect immediately.</summary>
    LedPattern Pattern { get; set; }
}
