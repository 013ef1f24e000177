using Gateway.Telephony.Calls;

namespace Gateway.Telephony.Tests.Calls;

public sealed class PayPhonePolicyTests
{
    [Fact]
    public void IsAllowed_OnlyEmergencyAndFreeNumbers()
    {
        var policy = new PayPhonePolicy(["911", " 112 "], ["18005550100"]);

        Assert.True(policy.IsAllowed("911"));
        Assert.True(policy.IsAllowed("112"));
        Assert.True(policy.IsEmergency("112"));
        Assert.True(policy.IsAllowed("18005550100"));
        Assert.False(policy.IsEmergency("18005550100"));
        Assert.False(policy.IsAllowed("9111"));
        Assert.False(policy.IsAllowed(string.Empty));
        Assert.False(PayPhonePolicy.None.IsAllowed("911"));
    }
}
