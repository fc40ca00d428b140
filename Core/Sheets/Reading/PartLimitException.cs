namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>Which bound of <see cref="ReadingLimits"/> a part went past.</summary>
public enum PartLimit
{
    /// <summary>More inflated bytes than <see cref="ReadingLimits.MaxPartBytes"/>.</summary>
    Size,

    /// <summary>Elements nested deeper than <see cref="ReadingLimits.MaxXmlDepth"/>.</summary>
    Depth,
}

/// <summary>
/// Thrown mid-read to abandon a part the moment it goes past a bound; readers turn it into a worded finding
/// (<c>PART_TOO_LARGE</c>, <c>XML_TOO_DEEP</c>), never into a fault the host retries.
/// </summary>
public sealed class PartLimitException(PartLimit limit, string part, long bound)
    : Exception($"Part {part} goes past its {limit.ToString().ToLowerInvariant()} limit of {bound}.")
{
    public PartLimit Limit { get; } = limit;

    /// <summary>The part's name inside the package (<c>xl/worksheets/sheet1.xml</c>).</summary>
    public string Part { get; } = part;

    /// <summary>The bound that was passed: bytes for <see cref="PartLimit.Size"/>, levels for <see cref="PartLimit.Depth"/>.</summary>
    public long Bound { get; } = bound;
}
