using Serilog.Core;
using Serilog.Events;

namespace Gateway.Host.Logging;

/// <summary>
/// Replaces the value of any log property whose name says it is a secret (PIN, HA1, password, token,
/// authorization, nonce responses) with a mask, however deep it sits in a structured value.
/// </summary>
/// <remarks>
/// This is the last line of defence: code should never log secrets in the first place, but a PIN in a
/// log file on a lobby phone is a breach, so the sink side refuses them too.
/// </remarks>
public sealed class SecretMaskingEnricher : ILogEventEnricher
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    // "Pin" alone is ambiguous on a GPIO box (HookPin, RingModePin are pin numbers), so PIN codes are
    // matched by whole name and the unambiguous secrets by substring.
    private static readonly HashSet<string> s_pinNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "pin", "pincode", "userpin", "cardpin", "enteredpin", "newpin", "puk",
    };

    private static readonly string[] s_secretParts =
    [
        "ha1", "password", "passwd", "secret", "token", "authorization", "digestresponse", "apikey",
    ];

    /// <summary>Tells whether a property name names a secret.</summary>
    /// <param name="propertyName">The property name.</param>
    /// <returns><see langword="true"/> for a secret.</returns>
    public static bool IsSecretName(string propertyName)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
        var normalized = propertyName.Replace("_", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("@", string.Empty, StringComparison.Ordinal);
        if (s_pinNames.Contains(normalized))
        {
            return true;
        }

        foreach (var part in s_secretParts)
        {
            if (normalized.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var property in logEvent.Properties.ToArray())
        {
            var masked = MaskValue(property.Key, property.Value);
            if (!ReferenceEquals(masked, property.Value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(property.Key, masked));
            }
        }
    }

    private static LogEventPropertyValue MaskValue(string name, LogEventPropertyValue value)
    {
        if (IsSecretName(name))
        {
            return new ScalarValue(Mask);
        }

        switch (value)
        {
            case StructureValue structure:
            {
                var changed = false;
                var properties = new List<LogEventProperty>(structure.Properties.Count);
                foreach (var property in structure.Properties)
                {
                    var masked = MaskValue(property.Name, property.Value);
                    changed |= !ReferenceEquals(masked, property.Value);
                    properties.Add(ReferenceEquals(masked, property.Value) ? property : new LogEventProperty(property.Name, masked));
                }

                return changed ? new StructureValue(properties, structure.TypeTag) : value;
            }

            case DictionaryValue dictionary:
            {
                var changed = false;
                var entries = new List<KeyValuePair<ScalarValue, LogEventPropertyValue>>(dictionary.Elements.Count);
                foreach (var entry in dictionary.Elements)
                {
                    var key = entry.Key.Value?.ToString() ?? string.Empty;
                    var masked = MaskValue(key, entry.Value);
                    changed |= !ReferenceEquals(masked, entry.Value);
                    entries.Add(new(entry.Key, masked));
                }

                return changed ? new DictionaryValue(entries) : value;
            }

            default:
                return value;
        }
    }
}
