using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;
using static ServerlessPlan.Tests.Support.ReportStorage;
using static ServerlessPlan.Tests.Support.TestPlan;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>Which quarter the digest reports (the reporting calendar's, never the last upload's) and how its workbook travels.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class DigestPeriodTests(AzuriteFixture azurite) : DigestScenario(azurite)
{
    private static readonly ReportingPeriod Q4 = new(2021, 4);

    [Fact]
    public async Task An_upload_for_a_later_quarter_does_not_take_over_the_digest_of_the_quarter_due()
    {
        // Someone files 2021-Q4 early (it opened on 2021-10-01); Q3 is the quarter whose deadline passed last.
        await SubmitAsync(Storage, "GT", Q4, Slot.AddHours(-1), [Row("GT", Q4, National, 99)]);
        Server.Respond(202);
        using var host = Host();

        var result = await host.Digests.SendScheduledAsync(Slot, default);

        Assert.Equal((DigestOutcome.Sent, Q3), (result.Outcome, result.Period));
        Assert.StartsWith("Resumen del plan regional, 3.er trimestre de 2021", result.Message!.Subject);
    }

    [Fact]
    public async Task With_Digest_Period_InProgress_the_digest_reports_the_quarter_under_way()
    {
        await SubmitAsync(Storage, "GT", Q4, Slot.AddHours(-1), [Row("GT", Q4, National, 99)]);
        Server.Respond(202);
        using var host = Host(new Dictionary<string, string?> { ["Digest:Period"] = "InProgress" });

        var result = await host.Digests.SendScheduledAsync(Slot, default);

        Assert.Equal((DigestOutcome.Sent, Q4), (result.Outcome, result.Period));
    }

    [Fact]
    public async Task A_slot_whose_quarter_is_outside_the_plan_is_skipped_without_a_claim_or_a_mail()
    {
        using var host = Host();
        var slot = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
        Clock.SetUtcNow(slot);

        var result = await host.Digests.SendScheduledAsync(slot, default);

        Assert.Equal((DigestOutcome.OutsidePlan, new ReportingPeriod(2025, 4)), (result.Outcome, result.Period));
        Assert.Empty(Server.Requests);
        Assert.Null(await host.Store.GetAsync(DigestEntity.ScheduledPartition, DigestService.MessageKey(slot), default));
    }

    [Fact]
    public async Task A_quarter_due_without_data_is_recorded_skipped_and_a_later_run_of_the_slot_sends_once_data_came()
    {
        // 2022-02-07: 2021-Q4 is due and nobody has filed it yet.
        var slot = new DateTimeOffset(2022, 2, 7, 12, 0, 0, TimeSpan.Zero);
        Clock.SetUtcNow(slot.AddSeconds(5));
        using var host = Host();

        var empty = await host.Digests.SendScheduledAsync(slot, default);
        var skipped = await host.Store.GetAsync(DigestEntity.ScheduledPartition, DigestService.MessageKey(slot), default);
        await SubmitAsync(Storage, "HN", Q4, slot.AddMinutes(1), [Row("HN", Q4, National, 80)]);
        Server.Respond(202);
        Clock.SetUtcNow(slot.AddMinutes(2));
        var retried = await host.Digests.SendScheduledAsync(slot, default);

        Assert.Equal((DigestOutcome.NoData, Q4), (empty.Outcome, empty.Period));
        Assert.Equal(nameof(DigestSendState.Skipped), skipped!.State);
        Assert.Equal((DigestOutcome.Sent, Q4), (retried.Outcome, retried.Period));
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task An_attached_workbook_is_also_linked_to_the_portal()
    {
        Server.Respond(202);
        using var host = Host();

        var result = await host.Digests.SendScheduledAsync(Slot, default);

        var url = $"{DigestTestHost.PortalUrl}/coalition/2021-Q3/workbook";
        Assert.Equal((true, url), (result.Workbook!.IsAttached, result.Workbook.Url));
        Assert.Contains($"Libro consolidado adjunto: consolidado-2021-Q3.xlsx. También se descarga del portal: {url}", Assert.Single(Server.Requests).PlainText());
    }

    [Fact]
    public async Task Without_a_portal_a_workbook_too_large_to_attach_is_asked_of_the_ST_instead_of_a_dead_link()
    {
        Server.Respond(202);
        using var host = Host(new Dictionary<string, string?> { ["Portal:BaseUrl"] = null }, maxAttachmentBytes: 100);

        var result = await host.Digests.SendScheduledAsync(Slot, default);

        var text = Assert.Single(Server.Requests).PlainText();
        Assert.Equal((false, (string?)null), (result.Workbook!.IsAttached, result.Workbook.Url));
        Assert.Contains("El libro consolidado (consolidado-2021-Q3.xlsx) es demasiado grande para adjuntarlo; pídalo a la Secretaría Técnica.", text);
        Assert.DoesNotContain("/coalition/", text);
        Assert.DoesNotContain("/api/workbook", text);
    }

    [Fact]
    public async Task The_deprecated_Digest_DownloadBaseUrl_still_serves_as_the_portals_address()
    {
        Server.Respond(202);
        using var host = Host(new Dictionary<string, string?>
        {
            ["Portal:BaseUrl"] = null,
            ["Digest:DownloadBaseUrl"] = "https://func.example/",
        }, maxAttachmentBytes: 100);

        var result = await host.Digests.SendScheduledAsync(Slot, default);

        Assert.Equal("https://func.example/coalition/2021-Q3/workbook", result.Workbook!.Url);
    }
}
