using System.Collections.Frozen;
using System.Text;

namespace Gateway.Hardware;

/// <summary>
/// Fits text to an HD44780-style character display: fixed width, and only what the common A00 character
/// ROM can show (printable ASCII plus a few symbols).
/// </summary>
public static class DisplayText
{
    /// <summary>Shown for characters with no sensible equivalent.</summary>
    public const char Unknown = '?';

    // Latin letters with diacritics lose them (the A00 ROM has no accented capitals and is inconsistent
    // for lower case); the degree sign has its own glyph in the ROM at 0xDF.
    private static readonly FrozenDictionary<char, string> s_map = new Dictionary<char, string>
    {
        ['À'] = "A", ['Á'] = "A", ['Â'] = "A", ['Ã'] = "A", ['Ä'] = "A", ['Å'] = "A", ['Æ'] = "AE", ['Ç'] = "C",
        ['È'] = "E", ['É'] = "E", ['Ê'] = "E", ['Ë'] = "E", ['Ì'] = "I", ['Í'] = "I", ['Î'] = "I", ['Ï'] = "I",
        ['Ð'] = "D", ['Ñ'] = "N", ['Ò'] = "O", ['Ó'] = "O", ['Ô'] = "O", ['Õ'] = "O", ['Ö'] = "O", ['Ø'] = "O",
        ['Ù'] = "U", ['Ú'] = "U", ['Û'] = "U", ['Ü'] = "U", ['Ý'] = "Y", ['ß'] = "ss",
        ['à'] = "a", ['á'] = "a", ['â'] = "a", ['ã'] = "a", ['ä'] = "a", ['å'] = "a", ['æ'] = "ae", ['ç'] = "c",
        ['è'] = "e", ['é'] = "e", ['ê'] = "e", ['ë'] = "e", ['ì'] = "i", ['í'] = "i", ['î'] = "i", ['ï'] = "i",
        ['ñ'] = "n", ['ò'] = "o", ['ó'] = "o", ['ô'] = "o", ['õ'] = "o", ['ö'] = "o", ['ø'] = "o",
        ['ù'] = "u", ['ú'] = "u", ['û'] = "u", ['ü'] = "u", ['ý'] = "y", ['ÿ'] = "y",
        ['Œ'] = "OE", ['œ'] = "oe", ['Š'] = "S", ['š'] = "s", ['Ž'] = "Z", ['ž'] = "z", ['Ł'] = "L", ['ł'] = "l",
        ['€'] = "E", ['£'] = "L", ['¢'] = "c", ['°'] = "\u00DF",
        ['‘'] = "'", ['’'] = "'", ['“'] = "\"", ['”'] = "\"", ['–'] = "-", ['—'] = "-", ['…'] = "...",
        ['\t'] = " ", ['\u00A0'] = " ",
    }.ToFrozenDictionary();

    /// <summary>Maps every character to something the display can show.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>Printable ASCII, plus 0xDF for the degree sign.</returns>
    public static string ToDisplayCharacters(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~')
            {
                builder.Append(c);
            }
            else if (s_map.TryGetValue(c, out var replacement))
            {
                builder.Append(replacement);
            }
            else if (!char.IsLowSurrogate(c))
            {
                // One '?' per unknown character, surrogate pairs included, keeps column counts predictable.
                builder.Append(Unknown);
            }
        }

        return builder.ToString();
    }

    /// <summary>Maps, truncates and pads to exactly <paramref name="rows"/> lines of <paramref name="columns"/> characters.</summary>
    /// <param name="lines">The requested lines (null entries count as blank).</param>
    /// <param name="columns">Line width.</param>
    /// <param name="rows">Number of lines.</param>
    /// <returns>The fitted lines.</returns>
    public static IReadOnlyList<string> Fit(IReadOnlyList<string?> lines, int columns, int rows)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var result = new string[rows];
        for (var row = 0; row < rows; row++)
        {
            var text = row < lines.Count ? ToDisplayCharacters(lines[row]) : string.Empty;
            result[row] = text.Length >= columns ? text[..columns] : text.PadRight(columns);
        }

        return Array.AsReadOnly(result);
    }
}
