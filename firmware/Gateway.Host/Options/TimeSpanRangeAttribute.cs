using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Gateway.Host.Options;

/// <summary>
/// A <see cref="TimeSpan"/> within bounds. Stands in for <c>[Range(typeof(TimeSpan), min, max)]</c>, whose
/// constructor converts through reflection and so is not trim/NativeAOT-safe.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    /// <summary>Initializes a new instance of the <see cref="TimeSpanRangeAttribute"/> class.</summary>
    /// <param name="minimum">The smallest allowed value, invariant <c>c</c> format (e.g. <c>00:00:01</c>).</param>
    /// <param name="maximum">The largest allowed value, same format.</param>
    public TimeSpanRangeAttribute(string minimum, string maximum)
        : base("The field {0} must be between {1} and {2}.")
    {
        Minimum = TimeSpan.ParseExact(minimum, "c", CultureInfo.InvariantCulture);
        Maximum = TimeSpan.ParseExact(maximum, "c", CultureInfo.InvariantCulture);
    }

    /// <summary>Gets the smallest allowed value.</summary>
    public TimeSpan Minimum { get; }

    /// <summary>Gets the largest allowed value.</summary>
    public TimeSpan Maximum { get; }

    /// <inheritdoc/>
    public override bool IsValid(object? value) =>
        value is null || (value is TimeSpan span && span >= Minimum && span <= Maximum);

    /// <inheritdoc/>
    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
