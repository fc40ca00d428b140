using Microsoft.Extensions.Options;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.FollowUp;

/// <summary>The words of the reminders and the ST's list: the unit's language, the templates' deadline line, encoding.</summary>
public sealed class ReminderMailTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);
    // Both on UTC−6: their 30 October ends at 06:00 UTC on the 31st.
    private static readonly ReportingUnit Belize = RealPlan.Unit("BZ");
    private static readonly ReportingUnit Guatemala = RealPlan.Unit("GT");
    private static readonly QuarterDates Dates = ReportingCalendar.Dates(Q3, Guatemala.Zone, 30, 15);
    private static readonly DateTimeOffset Deadline = Dates.Deadline;
    private static readonly ReminderWindow Three = new(Q3, ReminderKind.Before, 3, Deadline, Deadline.AddDays(-3), Deadline, Guatemala.Zone);

    private static RegisteredRecipients Recipients(string unit) => new RegisteredContacts(Options.Create(new ContactOptions
    {
        Units = new(StringComparer.OrdinalIgnoreCase) { ["BZ"] = "bz@bz.example.org", ["GT"] = "gt@gt.example.org" },
        SecretariatCopy = "st@coalicion.example",
    })).For(unit);

    [Theory]
    [InlineData(Language.Es, "Último día para enviar: 30 de octubre de 2021, hasta las 23:59 (hora de Guatemala, UTC−6).")]
    [InlineData(Language.En, "Last day to send: 30 October 2021, until 23:59 (Belize time, UTC−6).")]
    public void Reminders_print_the_deadline_in_the_words_of_the_unit_s_template_naming_its_zone(Language language, string line)
    {
        var unit = language == Language.En ? Belize : Guatemala;
        var dates = ReportingCalendar.Dates(Q3, unit.Zone, 30, 15);
        var instructions = TemplateTexts.Instructions(unit, Q3, dates, language, []).SelectMany(s => s.Paragraphs);

        var mail = ReminderMail.Compose(unit, Three, Deadline.AddDays(-3).AddHours(13), 0, Recipients(unit.Code), null, dates);

        Assert.Contains(line, instructions);
        Assert.Contains(line, mail.TextBody);
        Assert.Equal(line, TemplateTexts.Deadline(dates, language));
    }

    [Fact]
    public void A_late_notice_says_until_when_late_reports_are_accepted_or_since_when_the_quarter_is_locked()
    {
        var late = new ReminderWindow(Q3, ReminderKind.Late, null, Deadline, Deadline, Deadline.AddDays(92), Guatemala.Zone);
        var locksAt = Dates.LocksAt!.Value;

        var beforeLock = ReminderMail.Compose(Guatemala, late, Deadline.AddHours(13), 0, Recipients("GT"), null, Dates);
        var afterLock = ReminderMail.Compose(Belize, late, locksAt.AddDays(2), 0, Recipients("BZ"), null, ReportingCalendar.Dates(Q3, Belize.Zone, 30, 15));
        var neverLocks = ReminderMail.Compose(Guatemala, late, Deadline.AddHours(13), 0, Recipients("GT"), null, ReportingCalendar.Dates(Q3, Guatemala.Zone, 30, -1));

        Assert.Contains("Se aceptan informes atrasados hasta el 14 de noviembre de 2021 a las 23:59 (hora de Guatemala, UTC−6); después el trimestre se cierra y solo la Secretaría Técnica puede reabrirlo.",
            beforeLock.TextBody);
        Assert.Contains("The quarter has been locked for uploads since 15 November 2021, 00:00 (Belize time, UTC−6): to send it, ask the Technical Secretariat to reopen it for you.",
            afterLock.TextBody);
        Assert.DoesNotContain("cierra", neverLocks.TextBody);
    }

    [Fact]
    public void A_reminder_goes_to_the_unit_s_contacts_only_names_the_ST_to_ask_and_the_folder_to_upload_to()
    {
        // 19:00 on 30 October in Belize (01:00 UTC on the 31st): still its last day.
        var mail = ReminderMail.Compose(Belize, Three, Deadline.AddHours(-5), 2, Recipients("BZ"), null, ReportingCalendar.Dates(Q3, Belize.Zone, 30, 15));

        Assert.Equal(["bz@bz.example.org"], mail.To.Select(r => r.Address));
        Assert.Empty(mail.Cc);
        Assert.Equal(("reminder-BZ-2021-Q3-before-3", ReminderMail.Category), (mail.MessageKey, mail.Category));
        Assert.Contains("Today is the last day.", mail.TextBody);
        Assert.Contains("We received 2 uploads for this quarter, but none was accepted", mail.TextBody);
        Assert.Contains("uploads/BZ/2021-Q3/", mail.TextBody);
        Assert.Contains("If you have questions, write to the Technical Secretariat: st@coalicion.example.", mail.TextBody);
        Assert.Contains("This e-mail goes to the contacts registered for Belize.", mail.TextBody);
        mail.EnsureValid();
    }

    [Theory]
    [InlineData("GT", 1, "Recibimos 1 envío de este trimestre, pero no fue aceptado")]
    [InlineData("GT", 2, "Recibimos 2 envíos de este trimestre, pero ninguno fue aceptado")]
    [InlineData("BZ", 1, "We received 1 upload for this quarter, but it was not accepted")]
    [InlineData("BZ", 3, "We received 3 uploads for this quarter, but none was accepted")]
    public void A_reminder_names_the_quarter_by_its_label_and_writes_its_count_for_its_number(string code, int rejected, string sentence)
    {
        var unit = code == "GT" ? Guatemala : Belize;
        var mail = ReminderMail.Compose(unit, Three, Deadline.AddDays(-3).AddHours(13), rejected, Recipients(code), $"https://portal.example/units/{code}/2021-Q3",
            ReportingCalendar.Dates(Q3, unit.Zone, 30, 15));

        // Read as the person reads it (a real parser): the quarter's one label, no key, no "envío(s)", plain quotes.
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody);
        var text = Wording.AssertReadsWell(html, unit.Language, new ReportingPeriod(2021, 3).Label(unit.Language));
        Assert.Contains(sentence, text, StringComparison.Ordinal);
        Assert.Contains(sentence, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(unit.Language == Language.Es ? "GT, 3.er trimestre de 2021: recordatorio" : "BZ, 3rd quarter of 2021: reminder", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_from_configuration_are_HTML_encoded()
    {
        var unit = new ReportingUnit("GT", new LocalizedText("Guatemala <b>&amp;", "x"), Language.Es, ReportingUnitKind.Country);

        var mail = ReminderMail.Compose(unit, Three, Deadline.AddDays(-2), 0, Recipients("GT"), "https://portal.example/units/GT/2021-Q3?a=1&b=<2>", Dates);

        // Read with a real HTML parser: the name is text (no element made of it), the address is the link's whole href.
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody);
        Assert.Empty(html.QuerySelectorAll("body b"));
        Assert.Contains("Guatemala <b>&amp;", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://portal.example/units/GT/2021-Q3?a=1&b=<2>", Assert.Single(html.QuerySelectorAll("a[href]")).GetAttribute("href"));
    }

    [Fact]
    public void The_list_counts_who_filed_and_marks_exempt_units_and_those_without_contacts()
    {
        var sent = new ReminderEntity { Kind = "before", DaysBefore = 14, SentAt = new DateTimeOffset(2021, 10, 17, 13, 0, 5, TimeSpan.Zero) };
        var quarter = new ListedQuarter(Q3, Dates.LastDayToSend, 9,
        [
            new MissingUnit(Guatemala, 0, Exempt: false, HasContact: true, [sent]),
            new MissingUnit(Belize, 1, Exempt: true, HasContact: true, []),
            new MissingUnit(new ReportingUnit("PA", new LocalizedText("Panamá", "Panama"), Language.Es, ReportingUnitKind.Country), 0, false, false, []),
        ]);

        var mail = MissingUnitsMail.Compose("2021-W42", new DateTimeOffset(2021, 10, 18, 13, 0, 0, TimeSpan.Zero), Guatemala.Zone, Language.Es, [quarter],
            [new MailRecipient("st@coalicion.example")], _ => null);

        Assert.Equal("[ServerlessPlan] Informes pendientes — semana 2021-W42 (3)", mail.Subject);
        Assert.Contains("3.er trimestre de 2021: presentaron 6 de 9 unidades", mail.TextBody);
        Assert.Contains("al 18 de octubre de 2021, 07:00 (hora de Guatemala, UTC−6)", mail.TextBody);
        Assert.Contains("Último día para enviar: 30 de octubre de 2021, hasta las 23:59 en la hora de cada unidad. Quedan 13 días, contando hoy.", mail.TextBody);
        Assert.Contains("- Guatemala (GT): sin envíos. Avisos enviados: 14 días antes (17 de octubre de 2021).", mail.TextBody);
        Assert.Contains("- Belice (BZ): 1 envío rechazado, ninguno aceptado. Exenta de recordatorios.", mail.TextBody);
        Assert.Contains("- Panamá (PA): sin envíos. Avisos enviados: ninguno. Sin contacto registrado: no recibe avisos.", mail.TextBody);
        Assert.Equal("2021-Q3:GT,BZ,PA", MissingUnitsMail.Summary([quarter]));
        mail.EnsureValid();
    }
}
