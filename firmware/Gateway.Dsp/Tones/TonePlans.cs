namespace Gateway.Dsp.Tones;

/// <summary>
/// Built-in tone plans: United States, United Kingdom, Germany.
/// </summary>
/// <remarks>
/// Sources (public copies found during development, not the ITU/Telcordia/BT originals; where a value was not
/// found in them it is marked as recalled or assumed):
/// <list type="bullet">
/// <item>US: the North American Precise Tone Plan (LSSGR / GR-506; frequencies and cadences match the Zaptel tone
/// zone table, the levels are recalled, not re-checked): dial 350+440 Hz −13 dBm0 per tone, ringback
/// 440+480 −19 dBm0 2 s/4 s, busy 480+620 −24 dBm0 0.5/0.5 s, reorder 480+620 0.25/0.25 s, call waiting 440 Hz
/// 0.3 s (repeated after ~10 s, as the Zaptel/Asterisk zone table "ITU E.180 Supplement 2" has it), stutter dial
/// ten 0.1/0.1 s interruptions then steady, off-hook (ROH) 1400+2060+2450+2600 Hz 0.1/0.1 s (Wikipedia
/// "Off-hook tone"); ROH is nominally up to +3 dBm0, here −10 dBm0 per component so the sum stays below clipping.</item>
/// <item>UK: BT SIN 350 as summarised in a BT "Network supervisory tones" table and blog.trumpton.org.uk: dial
/// 350 Hz −20 + 440 Hz −23 continuous; special (interrupted) dial 350 Hz 0.75/0.75 s over continuous 440 Hz;
/// ringing 400+450 Hz 0.4/0.2/0.4/2.0 s; busy 400 Hz 0.375/0.375 s; congestion 400 Hz 0.4 s (−20) / 0.35 off /
/// 0.225 s (−14) / 0.525 off; call waiting 400 Hz 0.1 s then 4 s off (recalled from Asterisk indications.conf "uk",
/// not re-checked).
/// The BT howler is a rising warble with no published table at hand; we use DTMF * and # alternating, which
/// Wikipedia reports for some installations, 0.5 s each — an assumption, not a BT value.</item>
/// <item>DE: ITU-T E.180 Supplement 2 (Operational Bulletin list "Various tones used in national networks", entry
/// Germany): dial 425 Hz continuous, special dial 425+400 Hz continuous, ringing 425 Hz 1.0/4.0 s, busy 425 Hz
/// 0.48/0.48 s, congestion 425 Hz 0.24/0.24 s, call waiting 425 Hz 0.2/0.2/0.2/5.0 s; level −10 dBm0 (E.180
/// recommends −10 ± 5 dBm0). The list gives no off-hook warning for Germany; we use the US ROH as a stand-in.</item>
/// </list>
/// </remarks>
public static class TonePlans
{
    private static readonly ToneComponent[] s_rohUs = [new(1400, -10), new(2060, -10), new(2450, -10), new(2600, -10)];

    /// <summary>United States (North American Precise Tone Plan).</summary>
    public static TonePlan UnitedStates { get; } = new("US", new Dictionary<ToneKind, ToneDefinition>
    {
        [ToneKind.Dial] = ToneDefinition.Continuous("US dial", new(350, -13), new(440, -13)),
        [ToneKind.StutterDial] = Stutter("US stutter dial", 10, 100, 100, [new(350, -13), new(440, -13)]),
        [ToneKind.Ringback] = ToneDefinition.Cadence("US ringback", 2000, 4000, new(440, -19), new(480, -19)),
        [ToneKind.Busy] = ToneDefinition.Cadence("US busy", 500, 500, new(480, -24), new(620, -24)),
        [ToneKind.Reorder] = ToneDefinition.Cadence("US reorder", 250, 250, new(480, -24), new(620, -24)),
        [ToneKind.CallWaiting] = ToneDefinition.Cadence("US call waiting", 300, 9700, new ToneComponent(440, -13)),
        [ToneKind.OffHookWarning] = ToneDefinition.Cadence("US off-hook warning", 100, 100, s_rohUs),
    });

    /// <summary>United Kingdom (BT SIN 350).</summary>
    public static TonePlan UnitedKingdom { get; } = new("GB", new Dictionary<ToneKind, ToneDefinition>
    {
        [ToneKind.Dial] = ToneDefinition.Continuous("UK dial", new(350, -20), new(440, -23)),
        [ToneKind.StutterDial] = new("UK special dial",
            [ToneStep.On(750, new(350, -20), new(440, -23)), ToneStep.On(750, new ToneComponent(440, -23))]),
        [ToneKind.Ringback] = new("UK ringing",
            [ToneStep.On(400, new(400, -20), new(450, -20)), ToneStep.Off(200), ToneStep.On(400, new(400, -20), new(450, -20)), ToneStep.Off(2000)]),
        [ToneKind.Busy] = ToneDefinition.Cadence("UK busy", 375, 375, new ToneComponent(400, -20)),
        [ToneKind.Reorder] = new("UK congestion",
            [ToneStep.On(400, new ToneComponent(400, -20)), ToneStep.Off(350), ToneStep.On(225, new ToneComponent(400, -14)), ToneStep.Off(525)]),
        [ToneKind.CallWaiting] = ToneDefinition.Cadence("UK call waiting", 100, 4000, new ToneComponent(400, -20)),
        [ToneKind.OffHookWarning] = new("UK howler (assumed)",
            [ToneStep.On(500, new(941, -10), new(1209, -10)), ToneStep.On(500, new(941, -10), new(1477, -10))]),
    });

    /// <summary>Germany (ITU-T E.180 Supplement 2 entry).</summary>
    public static TonePlan Germany { get; } = new("DE", new Dictionary<ToneKind, ToneDefinition>
    {
        [ToneKind.Dial] = ToneDefinition.Continuous("DE dial", new ToneComponent(425, -10)),
        [ToneKind.StutterDial] = ToneDefinition.Continuous("DE special dial", new(425, -10), new(400, -10)),
        [ToneKind.Ringback] = ToneDefinition.Cadence("DE ringing", 1000, 4000, new ToneComponent(425, -10)),
        [ToneKind.Busy] = ToneDefinition.Cadence("DE busy", 480, 480, new ToneComponent(425, -10)),
        [ToneKind.Reorder] = ToneDefinition.Cadence("DE congestion", 240, 240, new ToneComponent(425, -10)),
        [ToneKind.CallWaiting] = new("DE call waiting",
            [ToneStep.On(200, new ToneComponent(425, -10)), ToneStep.Off(200), ToneStep.On(200, new ToneComponent(425, -10)), ToneStep.Off(5000)]),
        [ToneKind.OffHookWarning] = ToneDefinition.Cadence("DE off-hook warning (US ROH)", 100, 100, s_rohUs),
    });

    /// <summary>All built-in plans.</summary>
    public static IReadOnlyList<TonePlan> All { get; } = [UnitedStates, UnitedKingdom, Germany];

    /// <summary>The plan for an ISO country code (US, GB or UK, DE), or null.</summary>
    public static TonePlan? Find(string country) => country?.ToUpperInvariant() switch
    {
        "US" => UnitedStates,
        "GB" or "UK" => UnitedKingdom,
        "DE" => Germany,
        _ => null,
    };

    private static ToneDefinition Stutter(string name, int count, int onMs, int offMs, ToneComponent[] components)
    {
        var steps = new List<ToneStep>();
        for (var i = 0; i < count; i++)
        {
            steps.Add(ToneStep.On(onMs, components));
            steps.Add(ToneStep.Off(offMs));
        }

        steps.Add(ToneStep.On(0, components));
        return new ToneDefinition(name, steps, steps.Count - 1);
    }
}
