using System.Globalization;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>
/// Reminders before the deadline, late notices and the ST's weekly list of missing units. Section <c>Reminders</c>;
/// checked at start-up by <see cref="ReminderOptionsValidator"/>. The rules: docs/follow-up.md.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Largest offset accepted: the deadline is at most a year after a quarter ends.</summary>
    public const int MaxDaysBefore = 365;

    /// <summary>
    /// Days before the deadline at which a unit without an accepted sheet is reminded, separated by <c>;</c>
    /// (<c>14;3</c>). Each offset's reminder may go out until the next smaller offset is due; empty: no reminders
    /// before the deadline (late notices and the weekly list remain).
    /// </summary>
    public string DaysBefore { get; set; } = "14;3";

    /// <summary>Unit codes that get no reminder and no late notice (<c>;</c>-separated); the ST's list still shows them, marked exempt.</summary>
    public string ExemptUnits { get; set; } = "";

    /// <summary>Language of the ST's weekly list: <c>es</c> or <c>en</c>.</summary>
    public string ListLanguage { get; set; } = "es";

    /// <summary>The offsets, largest first, without repeats; entries that are not whole numbers are left to the validator.</summary>
    public IReadOnlyList<int> Offsets() =>
        Entries(DaysBefore)
            .Select(e => int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : -1)
            .Where(days => days is >= 1 and <= MaxDaysBefore)
            .Distinct()
            .OrderDescending()
            .ToList();

    /// <summary>The exempt unit codes, upper case.</summary>
    public IReadOnlySet<string> Exempt() =>
        Entries(ExemptUnits).Select(e => e.ToUpperInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);

    internal static IReadOnlyList<string> Entries(string? list) =>
        (list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
