using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Locks;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The ST's forms on the board (role <c>Coalition.Admin</c> only): per unit, reopen its locked quarter for some days
/// with a reason, or end a reopening in force. The same limits as the CLI's <c>reopen</c> / <c>lock</c>
/// (<see cref="PeriodLockService"/>): days 1 to <see cref="PeriodLockService.MaxDays"/>, a reason, at most
/// <see cref="PeriodLockService.MaxReasonChars"/> characters; checked here first so the person gets each problem next to
/// its field, in their language, with the values they typed kept.
/// </summary>
public partial class ReopenForm
{
    public enum Action
    {
        Reopen,
        Lock,
    }

    /// <summary>A field's problem, in both languages (shown in the person's).</summary>
    public sealed record Error(string Field, LocalizedText Message);

    /// <summary>What the person sent for one unit, and what is wrong with it.</summary>
    public sealed record Entry(string Unit, Action Action, string Days, string Reason)
    {
        public IReadOnlyList<Error> Errors { get; init; } = [];
    }

    /// <summary>
    /// The entry's problems, and its days as read (0 for a lock, or when they are wrong): the one reading of the field,
    /// which the reopening uses as checked (surrounding spaces allowed, as the check allows them).
    /// </summary>
    public static IReadOnlyList<Error> Check(Entry entry, out int days)
    {
        var errors = new List<Error>();
        var reason = entry.Reason.Trim();
        days = 0;
        if (entry.Action == Action.Reopen)
        {
            if (!int.TryParse(entry.Days.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > PeriodLockService.MaxDays)
            {
                days = 0;
                errors.Add(new Error(ReopenFunctions.DaysField, ReopenTexts.DaysWrong(PeriodLockService.MaxDays)));
            }
            if (reason.Length == 0)
                errors.Add(new Error(ReopenFunctions.ReasonField, LockTexts.ReasonMissing));
        }
        if (reason.Length > PeriodLockService.MaxReasonChars)
            errors.Add(new Error(ReopenFunctions.ReasonField, ReopenTexts.ReasonTooLong(PeriodLockService.MaxReasonChars, reason.Length)));
        return errors;
    }

    /// <summary>The id of a unit's section on the board (its forms, and where the error summary links).</summary>
    public static string SectionId(string unit) => $"lock-{unit}";

    public static string FieldId(string unit, Action action, string field) => $"{action.ToString().ToLowerInvariant()}-{unit}-{field}";
}
