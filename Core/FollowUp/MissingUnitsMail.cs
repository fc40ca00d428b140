using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>A unit without an accepted sheet for a quarter, as the ST's weekly list shows it.</summary>
/// <param name="Reminded">The reminders and late notice it was sent for the quarter (rows marked sent), oldest first.</param>
public sealed record MissingUnit(ReportingUnit Unit, int RejectedUploads, bool Exempt, bool HasContact, IReadOnlyList<ReminderEntity> Reminded);

/// <summary>One quarter of the weekly list: its last day to send (ending on each unit's clock), how many units report, and who is missing.</summary>
public sealed record ListedQuarter(ReportingPeriod Period, DateOnly LastDayToSend, int Units, IReadOnlyList<MissingUnit> Missing)
{
    public int Filed => Units - Missing.Count;
}

/// <summary>
/// The ST's weekly list of units still missing (<see cref="ReminderKind.WeeklyMissing"/>): per quarter covered, the
/// deadline, the coverage ("6 of 9 filed"), and for each missing unit what it sent (rejected uploads), which reminders
/// it got, and whether it is exempt or has nobody registered to remind. In <c>Reminders__ListLanguage</c>.
/// </summary>
public static class MissingUnitsMail
{
    public const string Category = "reminder-list";

    /// <summary><c>missing-2021-W43</c>.</summary>
    public static string MessageKey(string week) => $"missing-{week}";

    /// <param name="boards">Each quarter's board in the portal (<c>/coalition/{period}</c>); null without a portal.</param>
    /// <param name="zone">The coalition's clock: "today" and the dates notices were sent are read on it.</param>
    public static OutgoingMail Compose(string week, DateTimeOffset at, ReportingZone zone, Language language, IReadOnlyList<ListedQuarter> quarters,
        IReadOnlyList<MailRecipient> to, Func<ReportingPeriod, string?> boards)
    {
        string T(LocalizedText text) => text.In(language);
        var today = zone.DayOf(at);
        var missing = quarters.Sum(q => q.Missing.Count);
        var subject = T(MissingUnitsTexts.Subject(week, missing));

        var body = new MailBody(language, subject);
        body.Paragraph(T(MissingUnitsTexts.AsOf(LocalizedText.Of(l => DeadlineText.DateTime(at, zone, l)))));
        foreach (var quarter in quarters)
        {
            var lastDay = quarter.LastDayToSend;
            body.Heading(T(MissingUnitsTexts.Filed(quarter.Period, quarter.Filed, quarter.Units)));
            body.Paragraph(TemplateTexts.Format(TemplateTexts.DeadlineLine, language, DeadlineText.ForEveryUnit(lastDay, language)) + " " + T(Timing(lastDay, today)));
            body.List(quarter.Missing.Count == 0
                ? [T(MissingUnitsTexts.NoUnitMissing)]
                : quarter.Missing.Select(m => Line(m, zone, language)));
            if (boards(quarter.Period) is { } board)
                body.Link(T(MissingUnitsTexts.Board), board);
        }
        body.Paragraph(T(MissingUnitsTexts.HowItGoes));

        return new OutgoingMail
        {
            To = to,
            Subject = subject,
            HtmlBody = body.Html,
            TextBody = body.Text,
            Category = Category,
            MessageKey = MessageKey(week),
        };
    }

    /// <summary>What the list stores of itself: <c>2021-Q3:BZ,HN;2021-Q4:GT</c>.</summary>
    public static string Summary(IReadOnlyList<ListedQuarter> quarters) =>
        string.Join(";", quarters.Select(q => $"{q.Period}:{string.Join(",", q.Missing.Select(m => m.Unit.Code))}"));

    private static LocalizedText Timing(DateOnly lastDay, DateOnly today)
    {
        var days = lastDay.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => MissingUnitsTexts.Overdue(-days),
            0 => MissingUnitsTexts.LastDayToday,
            _ => MissingUnitsTexts.DaysLeft(days + 1),
        };
    }

    private static string Line(MissingUnit missing, ReportingZone zone, Language language)
    {
        string T(LocalizedText text) => text.In(language);
        var head = $"{missing.Unit.Name.In(language)} ({missing.Unit.Code}): " + T(missing.RejectedUploads > 0
            ? MissingUnitsTexts.Rejected(missing.RejectedUploads)
            : MissingUnitsTexts.NothingUploaded);
        if (missing.Exempt)
            return head + " " + T(MissingUnitsTexts.Exempt);
        var reminded = missing.Reminded.Count == 0
            ? T(MissingUnitsTexts.None)
            : string.Join(", ", missing.Reminded.Select(r => $"{T(KindLabel(r))} ({When(r, zone, language)})"));
        var line = head + " " + T(MissingUnitsTexts.NoticesSent(new LocalizedText(reminded, reminded)));
        return missing.HasContact ? line : line + " " + T(MissingUnitsTexts.NoContact);
    }

    private static LocalizedText KindLabel(ReminderEntity reminder) => reminder.Kind == ReminderKind.Late.Name()
        ? MissingUnitsTexts.LateNotice
        : MissingUnitsTexts.DaysBefore(string.Format(CultureInfo.InvariantCulture, "{0}", reminder.DaysBefore));

    private static string When(ReminderEntity reminder, ReportingZone zone, Language language) =>
        reminder.SentAt is { } sent ? DeadlineText.Date(sent, zone, language) : "?";
}
