using System.Globalization;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>
/// Start-up check of <see cref="ReminderOptions"/>: every offset a whole number of days from 1 to 365, given once;
/// every exempt code a reporting unit of the plan in force (a typo would silently remind a unit meant to be exempt);
/// the list's language one the coalition writes in.
/// </summary>
public sealed class ReminderOptionsValidator(ReportingUnits units) : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        var offsets = ReminderOptions.Entries(options.DaysBefore);
        foreach (var entry in offsets)
        {
            if (!int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > ReminderOptions.MaxDaysBefore)
                failures.Add($"Reminders__DaysBefore: '{entry}' is not a number of days from 1 to {ReminderOptions.MaxDaysBefore}.");
        }
        foreach (var repeated in offsets.GroupBy(e => e.TrimStart('0')).Where(g => g.Count() > 1))
            failures.Add($"Reminders__DaysBefore: {repeated.First()} is given twice.");
        foreach (var code in ReminderOptions.Entries(options.ExemptUnits))
        {
            if (units.Find(code) is null)
                failures.Add($"Reminders__ExemptUnits: '{code}' is not a reporting unit (known: {string.Join(", ", units.All.Select(u => u.Code))}).");
        }
        if (!LanguageCodes.TryParse(options.ListLanguage, out _))
            failures.Add($"Reminders__ListLanguage: '{options.ListLanguage}' must be 'es' or 'en'.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
