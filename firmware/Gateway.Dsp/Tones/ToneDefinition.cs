namespace Gateway.Dsp.Tones;

/// <summary>
/// A call-progress tone as data: cadence steps played in order, then either repeated from step
/// <see cref="RepeatFrom"/> or, when it is −1, followed by silence.
/// </summary>
/// <param name="Name">Name for logs (e.g. "US busy").</param>
/// <param name="Steps">The cadence.</param>
/// <param name="RepeatFrom">Step index to loop back to after the last step; −1 to stop.</param>
public sealed record ToneDefinition(string Name, IReadOnlyList<ToneStep> Steps, int RepeatFrom = 0)
{
    /// <summary>Repeats an on/off pair forever.</summary>
    public static ToneDefinition Cadence(string name, int onMs, int offMs, params ToneComponent[] components) =>
        new(name, [ToneStep.On(onMs, components), ToneStep.Off(offMs)]);

    /// <summary>A continuous tone.</summary>
    public static ToneDefinition Continuous(string name, params ToneComponent[] components) =>
        new(name, [ToneStep.On(0, components)]);
}
