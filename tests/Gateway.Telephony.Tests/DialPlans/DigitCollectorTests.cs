using Gateway.SmartCard;
using Gateway.Telephony.DialPlans;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Telephony.Tests.DialPlans;

public sealed class DigitCollectorTests : IDisposable
{
    private const string Bench = "<[2-9]xxxxxxxxx|1[2-9]xxxxxxxxx|911|611|011x.>";
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly List<DialOutcome> _outcomes = [];
    private DigitCollector _collector;

    public DigitCollectorTests() => _collector = Create(Bench);

    public void Dispose() => _collector.Dispose();

    [Theory]
    [InlineData("2125550123", "2125550123")]
    [InlineData("12125550123", "12125550123")]
    [InlineData("911", "911")]
    [InlineData("611", "611")]
    public void CompleteMatch_DialsOnLastKey_NoTimer(string keys, string number)
    {
        Key(keys[..^1]);
        Assert.Empty(_outcomes);

        _collector.Add(keys[^1]);

        var outcome = Assert.Single(_outcomes);
        Assert.Equal(new DialOutcome(DialOutcomeKind.Dial, number, keys), outcome);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(_outcomes);
    }

    [Fact]
    public void International_Extendable_DialsAfterShortTimer()
    {
        Key("011442079460000");
        _time.Advance(Short - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_outcomes);

        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new DialOutcome(DialOutcomeKind.Dial, "011442079460000", "011442079460000"), Assert.Single(_outcomes));
    }

    [Fact]
    public void EachKey_RestartsTheTimer()
    {
        Key("011");
        _time.Advance(Short - TimeSpan.FromSeconds(1));
        Key("4");
        _time.Advance(Short - TimeSpan.FromSeconds(1));
        Assert.Empty(_outcomes);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("0114", Assert.Single(_outcomes).Number);
    }

    [Fact]
    public void Partial_WaitsLongTimer_ThenNoMatch()
    {
        Key("212555");
        _time.Advance(Long - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_outcomes);

        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new DialOutcome(DialOutcomeKind.NoMatch, string.Empty, "212555"), Assert.Single(_outcomes));
    }

    [Fact]
    public void Partial_ShortTimerDoesNotEndIt()
    {
        Key("1");
        _time.Advance(Short + TimeSpan.FromSeconds(1));

        Assert.Empty(_outcomes);
    }

    [Fact]
    public void KeysNothingCanMatch_NoMatchAtOnce()
    {
        Key("11");

        Assert.Equal(new DialOutcome(DialOutcomeKind.NoMatch, string.Empty, "11"), Assert.Single(_outcomes));
    }

    [Fact]
    public void Hash_AfterExtendableMatch_DialsNow()
    {
        Key("01144207946#");

        Assert.Equal(new DialOutcome(DialOutcomeKind.Dial, "01144207946", "01144207946#"), Assert.Single(_outcomes));
    }

    [Fact]
    public void Hash_AfterPartial_NoMatchNow()
    {
        Key("212555#");

        Assert.Equal(new DialOutcome(DialOutcomeKind.NoMatch, string.Empty, "212555#"), Assert.Single(_outcomes));
    }

    [Fact]
    public void Hash_First_NoMatchNow()
    {
        Key("#");

        Assert.Equal(DialOutcomeKind.NoMatch, Assert.Single(_outcomes).Kind);
    }

    [Fact]
    public void Hash_WherePlanHasAPlaceForIt_IsAKey()
    {
        _collector = Create("*xx#|9x.");

        Key("*67#");

        Assert.Equal(new DialOutcome(DialOutcomeKind.Dial, "*67#", "*67#"), Assert.Single(_outcomes));
    }

    [Fact]
    public void Substitution_AppliedToDialledNumber()
    {
        _collector = Create("<:1>[2-9]xxxxxxxxx|<9:>xxxx");

        Key("2125550123");
        _collector.Reset();
        Key("95678");

        Assert.Equal(["12125550123", "5678"], _outcomes.Select(o => o.Number));
        Assert.Equal(["2125550123", "95678"], _outcomes.Select(o => o.Keyed));
    }

    [Fact]
    public void SpeedDial_ExactKeys_DialsItsNumber()
    {
        _collector = Create(Bench, [new SpeedDial("*2", "+15551230002")]);

        Key("*2");

        Assert.Equal(new DialOutcome(DialOutcomeKind.Dial, "+15551230002", "*2"), Assert.Single(_outcomes));
    }

    [Fact]
    public void SpeedDial_PrefixOfBoardRule_DialsAtOnce()
    {
        _collector = Create("<*2x.>", [new SpeedDial("*2", "222")]);

        Key("*2");

        Assert.Equal("222", Assert.Single(_outcomes).Number);
    }

    [Fact]
    public void Hash_Alone_UnderMapMatchingEmpty_NoMatch()
    {
        _collector = Create("x.");

        Key("#");

        Assert.Equal(DialOutcomeKind.NoMatch, Assert.Single(_outcomes).Kind);
    }

    [Fact]
    public void MaxDigits_LastKeyDecides()
    {
        _collector = Create("x.");

        Key(new string('5', DigitCollector.MaxDigits));

        Assert.Equal(new string('5', 32), Assert.Single(_outcomes).Number);
    }

    [Fact]
    public void MaxDigits_PartialAtLimit_NoMatch()
    {
        _collector = Create(new string('x', 40));

        Key(new string('5', DigitCollector.MaxDigits));

        Assert.Equal(DialOutcomeKind.NoMatch, Assert.Single(_outcomes).Kind);
    }

    [Fact]
    public void KeysAfterEnd_IgnoredUntilReset()
    {
        Key("911");
        Key("2125550123");

        Assert.Single(_outcomes);
        Assert.Equal("911", _collector.Digits);

        _collector.Reset();
        Assert.Equal(string.Empty, _collector.Digits);
        Key("611");
        Assert.Equal(2, _outcomes.Count);
    }

    [Fact]
    public void Reset_CancelsPendingTimer()
    {
        Key("212");
        _collector.Reset();
        _time.Advance(Long * 2);

        Assert.Empty(_outcomes);
    }

    [Fact]
    public void Dispose_CancelsTimer_AddIgnored()
    {
        Key("011");
        _collector.Dispose();
        _time.Advance(Long);
        _collector.Add('1');
        _collector.Reset();

        Assert.Empty(_outcomes);
    }

    [Theory]
    [InlineData('A')]
    [InlineData('d')]
    [InlineData('z')]
    [InlineData('\0')]
    [InlineData('\uFFFF')]
    public void NonDigitKeys_Ignored(char key)
    {
        Key("91");
        _collector.Add(key);
        Key("1");

        Assert.Equal("911", Assert.Single(_outcomes).Number);
    }

    [Fact]
    public void Completed_RaisedOncePerAttempt_EvenWithHandlerReentry()
    {
        // A handler that keys more digits (as a confused station might) must not raise a second outcome.
        _collector.Completed += (_, _) => _collector.Add('5');

        Key("911");
        _time.Advance(Long * 2);

        Assert.Single(_outcomes);
    }

    [Fact]
    public void Timers_Configurable()
    {
        _collector = Create(Bench, timers: new DialPlanTimers(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)));

        Key("011");
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Key("1");
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["011"], _outcomes.Select(o => o.Number));
        Assert.Equal(TimeSpan.FromSeconds(10), DialPlanTimers.Default.LongInterDigit);
        Assert.Equal(TimeSpan.FromSeconds(4), DialPlanTimers.Default.ShortInterDigit);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(4, -1)]
    [InlineData(4, 100000)]
    public void Timers_OutOfRange_Throw(int shortSeconds, int longSeconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new DigitCollector(new DialPlan(DigitMap.Parse("9")), _time, new DialPlanTimers(TimeSpan.FromSeconds(shortSeconds), TimeSpan.FromSeconds(longSeconds))));

    [Fact]
    public async Task RealTimers_RacingResetAndKeys_AtMostOneOutcomePerAttempt()
    {
        // Real timer thread against keys and resets from this thread: every attempt ends at most once.
        var plan = new DialPlan(DigitMap.Parse(Bench));
        using var collector = new DigitCollector(plan, TimeProvider.System, new DialPlanTimers(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2)));
        var perAttempt = new Dictionary<int, int>();
        var attempt = 0;
        collector.Completed += (_, _) =>
        {
            perAttempt[attempt] = perAttempt.GetValueOrDefault(attempt) + 1;
        };

        for (var i = 0; i < 300; i++)
        {
            foreach (var key in i % 2 == 0 ? "011" : "212")
            {
                collector.Add(key);
            }

            await Task.Delay(i % 3);
            collector.Reset();
            attempt++;
        }

        // On a loaded machine the 1-2 ms timers may lose every race above; one attempt left to run proves they fire.
        collector.Add('2');
        await Task.Delay(500);
        Assert.NotEmpty(perAttempt);
        Assert.All(perAttempt.Values, count => Assert.Equal(1, count));
    }

    private DigitCollector Create(string map, IEnumerable<SpeedDial>? speedDials = null, DialPlanTimers? timers = null)
    {
        _collector?.Dispose();
        var collector = new DigitCollector(new DialPlan(DigitMap.Parse(map), ["911"], ["611"], speedDials), _time, timers);
        collector.Completed += (sender, outcome) =>
        {
            Assert.Same(collector, sender);
            _outcomes.Add(outcome);
        };
        return collector;
    }

    private void Key(string keys)
    {
        foreach (var key in keys)
        {
            _collector.Add(key);
        }
    }
}
