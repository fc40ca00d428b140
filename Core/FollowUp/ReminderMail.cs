using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>
/// The mail a unit without an accepted sheet gets before the deadline (<see cref="ReminderKind.Before"/>) or once
/// after it (<see cref="ReminderKind.Late"/>): in the unit's language, to its registered contacts only, saying the
/// quarter, the deadline in the templates' own words (<see cref="TemplateTexts.Deadline"/>), how to file (the portal's
/// page of the unit's quarter, or the upload folder) and whom to ask.
/// </summary>
public static class ReminderMail
{
    public const string Category = "reminder";

    /// <summary><c>reminder-GT-2021-Q3-before-14</c>, <c>reminder-GT-2021-Q3-late</c>.</summary>
    public static string MessageKey(string unit, ReminderWindow window) =>
        $"reminder-{unit.ToUpperInvariant()}-{window.Period}-{window.Key}";

    /// <param name="at">The instant the reminder is decided at: the days left are counted from its date.</param>
    /// <param name="rejectedUploads">Uploads of the quarter that were rejected (none was accepted).</param>
    /// <param name="unitPage">The unit's quarter in the portal; null without a portal.</param>
    /// <param name="dates">The unit's dates for the quarter on its clock: the last day to send and, for a late notice, when it locks.</param>
    public static OutgoingMail Compose(ReportingUnit unit, ReminderWindow window, DateTimeOffset at, int rejectedUploads,
        RegisteredRecipients recipients, string? unitPage, QuarterDates dates)
    {
        var language = LanguageChoice.For(asked: null, unit.Language);
        string T(LocalizedText text) => text.In(language);
        var name = unit.Name;
        var period = window.Period;
        var lastDay = dates.LastDayToSend;
        var due = LocalizedText.Of(l => TemplateTexts.LongDate(lastDay, l));
        var late = window.Kind == ReminderKind.Late;

        var subject = T(late ? ReminderMailTexts.LateSubject(unit.Code, period, due) : ReminderMailTexts.BeforeSubject(unit.Code, period, due));

        var body = new MailBody(language, subject);
        body.Paragraph(T(late ? ReminderMailTexts.LateLead(name, period) : ReminderMailTexts.BeforeLead(name, period)));
        if (rejectedUploads > 0) body.Paragraph(T(ReminderMailTexts.Rejected(rejectedUploads)));

        body.Paragraph(TemplateTexts.Deadline(dates, language) + " " + (late
            ? T(ReminderMailTexts.SendSoon) + (dates.LocksAt is not null ? " " + T(Lock(dates, at)) : "")
            : T(ReminderMailTexts.DaysLeft(lastDay.DayNumber - dates.DayOf(at).DayNumber + 1))));

        if (unitPage is not null)
            body.Link(T(ReminderMailTexts.PortalLead), unitPage);
        else
            body.Paragraph(T(ReminderMailTexts.UploadToFolder(UploadFolder(unit, window.Period))));

        body.Paragraph(T(recipients.Secretariat.Count > 0
            ? ReminderMailTexts.WriteToTheSecretariat(string.Join(", ", recipients.Secretariat))
            : ReminderMailTexts.AskTheSecretariat));
        if (!late) body.Paragraph(T(ReminderMailTexts.AlreadySent));

        body.Paragraph(T(ReminderMailTexts.GoesTo(name)));

        return new OutgoingMail
        {
            To = recipients.UnitContacts.Select(a => new MailRecipient(a)).ToList(),
            Subject = subject,
            HtmlBody = body.Html,
            TextBody = body.Text,
            Category = Category,
            MessageKey = MessageKey(unit.Code, window),
        };
    }

    /// <summary><c>uploads/GT/2021-Q3/</c>: where a sheet is filed when there is no portal.</summary>
    public static string UploadFolder(ReportingUnit unit, ReportingPeriod period) =>
        $"{StorageNames.UploadsContainer}/{unit.Code.ToUpperInvariant()}/{period}/";

    /// <summary>Until when a late sheet is still accepted, or since when the quarter is locked (only the ST can reopen it).</summary>
    private static LocalizedText Lock(QuarterDates dates, DateTimeOffset at) => at >= dates.LocksAt
        ? ReminderMailTexts.LockedSince(LocalizedText.Of(l => DeadlineText.DateTime(dates.LocksAt!.Value, dates.Zone, l)))
        : ReminderMailTexts.LateAcceptedUntil(LocalizedText.Of(l => DeadlineText.EndOfDay(dates.LastDayBeforeLock!.Value, dates.Zone, l)));
}
