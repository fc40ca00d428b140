using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Locks;

/// <summary>
/// A digest records the instant its figures were read and the submissions they came from, so the figures it sent can
/// be reproduced: the workbook as of that instant, after later uploads (a late unit, a new version, a sheet let in by a
/// reopening), shows the digest's headline and names the same submissions.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class DigestAsOfTests(AzuriteFixture azurite) : LockScenario(azurite, new DateTimeOffset(2021, 7, 1, 0, 0, 0, TimeSpan.Zero),
    new Dictionary<string, string?> { ["Digest:Recipients"] = "presidencia@coalicion.example.org" })
{
    [Fact]
    public async Task The_workbook_as_of_the_digests_instant_reproduces_the_figures_it_sent()
    {
        Clock.SetUtcNow(new DateTimeOffset(2021, 7, 20, 9, 0, 0, TimeSpan.Zero));
        await Host.IngestAsync(await Host.UploadAsync("GT/2021-Q2/informe.xlsx", FilledSheet.Complete("GT", "2021-Q2").Build()));
        await IngestAtAsync(Oct(20, 9), "informe.xlsx", Sheet(20));
        await IngestAtAsync(Oct(22, 9), "informe.xlsx", Sheet(40, "HN"), "HN");
        Clock.SetUtcNow(Nov(1, 12));
        var sent = await Host.Get<DigestService>().SendAsync(Q3, send: true, default);
        // After the digest: GT corrects its sheet, BZ files late, the quarter locks and NI is let in by a reopening.
        await IngestAtAsync(Nov(5, 9), "informe-v2.xlsx", Sheet(30));
        await IngestAtAsync(Nov(6, 9), "informe.xlsx", Sheet(25, "BZ"), "BZ");
        await ReopenAtAsync(Nov(19, 10), unit: "NI");
        await IngestAtAsync(Nov(20, 9), "informe.xlsx", Sheet(35, "NI"), "NI");

        var record = (await Host.Get<DigestStore>().GetAsync(DigestEntity.ManualPartition, sent.MessageKey!, default))!;
        var workbooks = Host.Get<MergedWorkbookService>();
        var (asOf, _) = await workbooks.CalculateAsync(Q3, default, record.ComputedAt);
        var (now, _) = await workbooks.CalculateAsync(Q3, default);

        Assert.Equal(DigestOutcome.Sent, sent.Outcome);
        Assert.Equal(Nov(1, 12), record.ComputedAt);
        Assert.Equal(record.Basis, FigureSource.Join(asOf.Basis));
        Assert.StartsWith("2021-Q2/GT=", record.Basis, StringComparison.Ordinal);   // the quarter before, for the like-for-like change
        var text = sent.Message!.TextBody;
        foreach (var line in RegionalHeadline.WhoReported(asOf, Core.Localization.Language.Es).Concat(RegionalHeadline.FigureLines(asOf, Core.Localization.Language.Es)))
            Assert.Contains(line, text, StringComparison.Ordinal);
        Assert.Contains($"informaron {asOf.UnitsReported} de {asOf.UnitsExpected} unidades", sent.Message.Subject, StringComparison.Ordinal);
        Assert.Equal(2, asOf.UnitsReported);
        // Today's figures are not the ones sent, and say that one sheet came in after the lock.
        Assert.Equal(4, now.UnitsReported);
        Assert.NotEqual(asOf.Overall.MeanEjecutado, now.Overall.MeanEjecutado);
        Assert.Equal("NI", Assert.Single(now.ReceivedAfterLock).Unit.Code);
        Assert.StartsWith("Incluye 1 informe recibido tras el cierre del trimestre (15 de noviembre de 2021): Nicaragua (reabierto por Ana Pérez (ST)",
            RegionalHeadline.AfterLock(now, Core.Localization.Language.Es), StringComparison.Ordinal);
        Assert.Null(RegionalHeadline.AfterLock(asOf, Core.Localization.Language.Es));

        // Today's digest in both languages says the reopening as issue 22 asks: the quarter by its label, counts for
        // their number, and in English the reopening's last day "inclusive" and its reason in plain quotes.
        foreach (var language in new[] { Core.Localization.Language.Es, Core.Localization.Language.En })
        {
            var digest = new DigestComposer().Compose(now, null, language);
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(digest.HtmlBody);
            var body = Wording.AssertReadsWell(html, language, Q3.Label(language));
            var afterLock = RegionalHeadline.AfterLock(now, language)!;
            Assert.Contains(afterLock, body, StringComparison.Ordinal);
            Assert.Contains(afterLock, digest.TextBody, StringComparison.Ordinal);
            if (language == Core.Localization.Language.En)
            {
                Assert.StartsWith("Includes 1 report received after the quarter locked (15 November 2021): Nicaragua (reopened by Ana Pérez (ST)", afterLock, StringComparison.Ordinal);
                Assert.Contains(" inclusive: \"", afterLock, StringComparison.Ordinal);
            }
        }
    }
}
