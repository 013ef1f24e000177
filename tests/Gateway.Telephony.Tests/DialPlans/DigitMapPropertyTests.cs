using CsCheck;
using Gateway.Telephony.DialPlans;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Telephony.Tests.DialPlans;

public sealed class DigitMapPropertyTests
{
    private const string MapAlphabet = "0123456789*#xX[]-.|<>:()+ SLTa";
    private const string KeyAlphabet = "0123456789*#ABCD z";

    /// <summary>One generated element: the keys it takes (as text), the map text for it, whether it repeats.</summary>
    private sealed record Element(string Keys, string Text, bool Repeat);

    private static readonly Gen<Element> GenElement = Gen.OneOf(
        Gen.Char["0123456789*#"].Select(c => new Element(c.ToString(), c.ToString(), false)),
        Gen.Const(new Element("0123456789", "x", false)),
        Gen.Int[0, 9].Select(Gen.Int[0, 9], (a, b) =>
        {
            var (lo, hi) = (Math.Min(a, b), Math.Max(a, b));
            var keys = string.Concat(Enumerable.Range(lo, hi - lo + 1));
            return new Element(keys, $"[{lo}-{hi}]", false);
        }))
        .Select(Gen.Int[0, 3], (e, r) => r == 0 ? e with { Text = e.Text + ".", Repeat = true } : e);

    private static readonly Gen<Element[][]> GenMap = GenElement.Array[1, 7].Array[1, 4];

    [Fact]
    public void Parse_RandomText_ThrowsOnlyDigitMapException() =>
        Gen.String[Gen.Char[MapAlphabet], 0, 40].Sample(text =>
        {
            try
            {
                var map = DigitMap.Parse(text);
                _ = map.Match("0119#");
                _ = map.TryTranslate("911", out _);
            }
            catch (DigitMapException ex)
            {
                Assert.InRange(ex.Position, 0, text.Length);
            }
        }, iter: 20000);

    [Fact]
    public void Match_AgreesWithBacktrackingOracle() =>
        Gen.Select(GenMap, Gen.String[Gen.Char["0123456789*#"], 0, 10]).Sample((alternatives, keys) =>
        {
            var text = "<" + string.Join('|', alternatives.Select(a => string.Concat(a.Select(e => e.Text)))) + ">";
            var map = DigitMap.Parse(text);
            var (exact, accepts, extends) = Oracle(alternatives, keys);
            var expected = exact ? DigitMapMatch.Complete
                : accepts ? DigitMapMatch.CompleteButMayExtend
                : extends ? DigitMapMatch.Partial
                : DigitMapMatch.NoMatch;

            Assert.Equal(expected, map.Match(keys));
            Assert.Equal(accepts, map.TryTranslate(keys, out var number));
            if (accepts)
            {
                // No substitutions here, so the number is what was keyed.
                Assert.Equal(keys, number);
            }
        }, iter: 20000);

    [Fact]
    public void Collector_RandomKeys_NeverThrows_AtMostOneOutcome() =>
        Gen.Select(GenMap, Gen.String[Gen.Char[KeyAlphabet], 0, 40], Gen.Int[0, 12].Array[0, 40]).Sample((alternatives, keys, waits) =>
        {
            var text = string.Join('|', alternatives.Select(a => string.Concat(a.Select(e => e.Text))));
            var time = new FakeTimeProvider();
            using var collector = new DigitCollector(new DialPlan(DigitMap.Parse(text), ["911"]), time);
            var outcomes = new List<DialOutcome>();
            collector.Completed += (_, o) => outcomes.Add(o);
            for (var i = 0; i < keys.Length; i++)
            {
                collector.Add(keys[i]);
                time.Advance(TimeSpan.FromSeconds(i < waits.Length ? waits[i] : 0));
            }

            time.Advance(TimeSpan.FromSeconds(11));
            Assert.InRange(outcomes.Count, 0, 1);
            if (outcomes is [{ Kind: DialOutcomeKind.Dial } dial])
            {
                // No substitutions in these maps: the number is the keys, without a terminating '#'.
                Assert.NotEmpty(dial.Number);
                Assert.StartsWith(dial.Number, dial.Keyed, StringComparison.Ordinal);
            }

            // Any key sequence that reaches a collector ends: only an empty (or A-D only) attempt may stay open.
            var digits = keys.Count(c => DigitKeysTest.IsDialKey(c));
            Assert.True(outcomes.Count == 1 || digits == 0, $"map {text} keys {keys}: no outcome");
        }, iter: 3000);

    private static (bool Exact, bool Accepts, bool Extends) Oracle(Element[][] alternatives, string keys)
    {
        var exact = false;
        var accepts = false;
        var extends = false;
        foreach (var elements in alternatives)
        {
            var ends = new HashSet<int>();
            Reach(elements, 0, keys, 0, ends);
            var matches = ends.Contains(elements.Length);
            var more = ends.Any(p => p < elements.Length);
            exact |= matches && !more;
            accepts |= matches;
            extends |= more;
        }

        return (exact, accepts, extends);
    }

    private static void Reach(Element[] elements, int position, string keys, int next, HashSet<int> ends)
    {
        if (next == keys.Length)
        {
            ends.Add(position);
        }

        if (position == elements.Length)
        {
            return;
        }

        var element = elements[position];
        if (element.Repeat)
        {
            Reach(elements, position + 1, keys, next, ends);
        }

        if (next < keys.Length && element.Keys.Contains(keys[next], StringComparison.Ordinal))
        {
            Reach(elements, element.Repeat ? position : position + 1, keys, next + 1, ends);
        }
    }

    private static class DigitKeysTest
    {
        public static bool IsDialKey(char c) => c is (>= '0' and <= '9') or '*' or '#';
    }
}
