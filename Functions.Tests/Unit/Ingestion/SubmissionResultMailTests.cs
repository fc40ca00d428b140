using AngleSharp.Html.Parser;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Ingestion;

/// <summary>
/// The result mail (HTML read with a real parser, and its text): what to fix first, warnings in a section of their own
/// that says they do not stop the report from being registered, each sentence with its code beside it, never in it.
/// </summary>
public sealed class SubmissionResultMailTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);
    private static readonly RegisteredRecipients Recipients = new("GT", ["focal@gt.example.org"], []);

    private static ValidationReport Report(Language language) => ValidationReport.From([
        SheetIssues.EjecutadoNotANumber.At(language, "Informe", "H10", "1.1.1.2", "1.1.1.2", "mucho"),
        SheetIssues.QuantityIgnored.At(language, "Informe", "J11", "1.1.1.3", "1.1.1.3"),
    ], language.ToCode());

    [Fact]
    public void A_rejected_report_lists_what_to_fix_then_its_warnings_apart_saying_they_do_not_stop_it()
    {
        var mail = SubmissionResultMail.Compose(TestPlan.Guatemala, Q3, "informe.xlsx", "abc", Report(Language.Es), Recipients, null, null);

        Assert.Equal("[ServerlessPlan] GT, 3.er trimestre de 2021: informe rechazado (1 error)", mail.Subject);
        var html = new HtmlParser().ParseDocument(mail.HtmlBody);
        Assert.Equal(["Errores", "Advertencias"], html.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()));
        var tables = html.QuerySelectorAll("table[role=table]");
        Assert.Equal(2, tables.Length);
        Assert.Equal("EJECUTADO_NOT_A_NUMBER", Assert.Single(tables[0].QuerySelectorAll("tbody code")).TextContent);
        Assert.Equal("QUANTITY_IGNORED", Assert.Single(tables[1].QuerySelectorAll("tbody code")).TextContent);
        Assert.StartsWith("Escriba el ejecutado de 1.1.1.2 como un número de 0 a 100, por ejemplo 45 (se encontró «mucho»).",
            tables[0].QuerySelector("tbody tr td:last-child")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(html.QuerySelectorAll("p"), p => p.TextContent.StartsWith("Las advertencias no impiden que el informe se registre", StringComparison.Ordinal));
        Assert.Contains("- Hoja «Informe», celda H10: Escriba el ejecutado de 1.1.1.2 como un número de 0 a 100, por ejemplo 45 (se encontró «mucho»). (EJECUTADO_NOT_A_NUMBER)", mail.TextBody, StringComparison.Ordinal);
        Assert.True(mail.TextBody.IndexOf("Errores:", StringComparison.Ordinal) < mail.TextBody.IndexOf("Advertencias:", StringComparison.Ordinal));
        Assert.Contains("Las advertencias no impiden que el informe se registre", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accepted_report_in_english_has_its_warnings_only_saying_they_do_not_stop_it()
    {
        var report = Report(Language.En) with { Errors = [] };

        var mail = SubmissionResultMail.Compose(TestPlan.Belize, Q3, "report.xlsx", "abc", report, new RegisteredRecipients("BZ", ["focal@bz.example.org"], []), null, null);

        Assert.Equal("[ServerlessPlan] BZ, 3rd quarter of 2021: report accepted (1 warning)", mail.Subject);
        var html = new HtmlParser().ParseDocument(mail.HtmlBody);
        Assert.Equal(["Warnings"], html.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()));
        Assert.Contains("Warnings do not stop the report from being registered", mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("The report of Belize for the 3rd quarter of 2021 (\"report.xlsx\") was accepted and merged.", mail.TextBody, StringComparison.Ordinal);
    }
}
