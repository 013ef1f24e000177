namespace Gateway.VirtualCard;

/// <summary>What the virtual card pretends to be.</summary>
public enum VirtualCardKind
{
    /// <summary>A processor card with the follow-me applet.</summary>
    Applet,

    /// <summary>A dumb memory card: the record, including HA1, in a transparent EF (docs/card-profile.md §8).</summary>
    Storage,

    /// <summary>Some other card: no follow-me applet, no storage file.</summary>
    None,
}
