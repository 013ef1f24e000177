using Gateway.SmartCard;

namespace Gateway.Telephony.DialPlans;

/// <summary>
/// What one station may dial: the board's digit map, joined with the board's emergency and free numbers (always
/// dialable, even when the map forgot them) and the user's speed dials from the card (keying a label such as
/// <c>*2</c> exactly dials its number). Exact numbers are tried before the map, so they win a tie.
/// </summary>
/// <remarks>Immutable and thread-safe; build a new plan when a card is inserted or removed.</remarks>
public sealed class DialPlan
{
    /// <summary>The map used when the board file has no <c>dialPlan</c>: North American numbering.</summary>
    public const string DefaultMapText = "<[2-9]xxxxxxxxx|1[2-9]xxxxxxxxx|911|011x.>";

    private const int MaxNumber = 32;
    private const int MaxUri = 256;

    private readonly HashSet<string> _emergency;
    private readonly HashSet<string> _free;

    /// <summary>Initializes a new instance of the <see cref="DialPlan"/> class.</summary>
    /// <param name="boardMap">The board's map.</param>
    /// <param name="emergencyNumbers">The board's emergency numbers (board-config <c>emergencyNumbers</c>).</param>
    /// <param name="freeNumbers">The board's free numbers (board-config <c>freeNumbers</c>).</param>
    /// <param name="speedDials">The card's speed dials; entries whose label is not a key string or whose number is
    /// neither dialable keys (0-9 * # +) nor a sip:/sips: URI are left out and listed in <see cref="IgnoredSpeedDials"/> (the card is outside input).</param>
    public DialPlan(
        DigitMap boardMap,
        IEnumerable<string>? emergencyNumbers = null,
        IEnumerable<string>? freeNumbers = null,
        IEnumerable<SpeedDial>? speedDials = null)
    {
        ArgumentNullException.ThrowIfNull(boardMap);
        BoardMap = boardMap;
        _emergency = new HashSet<string>((emergencyNumbers ?? []).Where(IsKeyString), StringComparer.Ordinal);
        _free = new HashSet<string>((freeNumbers ?? []).Where(IsKeyString), StringComparer.Ordinal);

        var exact = new List<(string Keys, string Number)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ignored = new List<SpeedDial>();
        foreach (var dial in speedDials ?? [])
        {
            if (dial is { Label: { } label, Number: { } number } && IsKeyString(label) && IsDialString(number) && seen.Add(label))
            {
                exact.Add((label, number));
            }
            else if (dial is not null)
            {
                ignored.Add(dial);
            }
        }

        foreach (var number in _emergency.Concat(_free).Order(StringComparer.Ordinal))
        {
            if (seen.Add(number))
            {
                exact.Add((number, number));
            }
        }

        IgnoredSpeedDials = ignored;
        Map = boardMap.WithExact(exact);
    }

    /// <summary>Gets the board's map as given.</summary>
    public DigitMap BoardMap { get; }

    /// <summary>Gets the speed dials left out because the card's label or number is not usable.</summary>
    public IReadOnlyList<SpeedDial> IgnoredSpeedDials { get; }

    /// <summary>Gets the joined map the collector matches against: card speed dials, emergency and free numbers, then the board map.</summary>
    public DigitMap Map { get; }

    /// <summary>
    /// Checks board-config <c>dialPlan</c> text; the shape fits <c>BoardConfigLoader</c>'s dial-plan validator, so
    /// the board file is rejected at start with the position and reason.
    /// </summary>
    /// <param name="text">The map text.</param>
    /// <returns>Null when valid, else the reason with its position.</returns>
    public static string? Validate(string text) =>
        DigitMap.TryParse(text, out var error) ? null : error!.Message;

    /// <summary>Gets whether a dialled number is one of the board's emergency numbers (always allowed and free).</summary>
    /// <param name="number">The number after the plan's substitutions.</param>
    /// <returns>True for an emergency number.</returns>
    public bool IsEmergency(string? number) => number is not null && _emergency.Contains(number);

    /// <summary>Gets whether a dialled number needs no coins or card: emergency numbers and the board's free numbers.</summary>
    /// <param name="number">The number after the plan's substitutions.</param>
    /// <returns>True for a free number.</returns>
    public bool IsFree(string? number) => number is not null && (_emergency.Contains(number) || _free.Contains(number));

    private static bool IsKeyString(string? keys) =>
        !string.IsNullOrEmpty(keys) && keys.Length <= MaxNumber && keys.All(c => c is (>= '0' and <= '9') or '*' or '#');

    private static bool IsDialString(string number) =>
        (number.Length is > 0 and <= MaxNumber && number.All(DigitKeys.IsDialChar))
        || ((number.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || number.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
            && number.Length <= MaxUri && !number.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)));
}
