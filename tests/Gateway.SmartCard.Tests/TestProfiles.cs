namespace Gateway.SmartCard.Tests;

/// <summary>Example accounts used across tests.</summary>
internal static class TestProfiles
{
    public static AccountProfile Alice { get; } = new()
    {
        CardSerial = "FM-000123",
        Expiry = new DateOnly(2030, 12, 31),
        FollowMeNumber = "+4930123456",
        SipAor = "sip:alice@example.org",
        AuthUser = "alice",
        Realm = "example.org",
        DisplayName = "Alice Traveller",
        RegistrarPrimary = "sip:reg1.example.org",
        RegistrarSecondary = "sip:reg2.example.org",
        OutboundProxyPrimary = "sip:proxy1.example.org;lr",
        OutboundProxySecondary = "sip:proxy2.example.org;lr",
        PreferredCodecs = ["opus", "PCMA", "PCMU"],
        RingCadence = "classic",
        Language = "pt-BR",
        AwayVoicemailUri = "sip:vm-alice@example.org",
        CallFilters =
        [
            new CallFilterRule { CallerPattern = "anonymous", Days = DaysOfWeekMask.All, Action = FilterAction.Reject },
            new CallFilterRule { CallerPattern = "+4930*", Days = DaysOfWeekMask.Weekdays, StartMinute = 540, EndMinute = 1080, Action = FilterAction.Ring },
            new CallFilterRule { CallerPattern = "*", Days = DaysOfWeekMask.All, StartMinute = 1320, EndMinute = 420, Action = FilterAction.Forward, ForwardNumber = "+4930999" },
        ],
        DefaultFilterAction = FilterAction.Voicemail,
        SpeedDials = [new SpeedDial("Home", "+4930111"), new SpeedDial("Office", "sip:desk@example.org")],
    };
}
