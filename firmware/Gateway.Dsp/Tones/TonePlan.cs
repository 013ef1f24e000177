namespace Gateway.Dsp.Tones;

/// <summary>One country's call-progress tones.</summary>
/// <param name="Country">ISO 3166 alpha-2 code.</param>
/// <param name="Tones">A definition for every <see cref="ToneKind"/>.</param>
public sealed record TonePlan(string Country, IReadOnlyDictionary<ToneKind, ToneDefinition> Tones)
{
    /// <summary>The definition of <paramref name="kind"/>.</summary>
    public ToneDefinition this[ToneKind kind] => Tones[kind];
}
