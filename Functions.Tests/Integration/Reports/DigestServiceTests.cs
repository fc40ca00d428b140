using System.Text.Json;
using ClosedXML.Excel;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;
using static ServerlessPlan.Tests.Support.ReportStorage;
using static ServerlessPlan.Tests.Support.TestPlan;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>The digest end to end: Azurite tables, the real SendGrid client, a fake SendGrid endpoint.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class DigestServiceTests(AzuriteFixture azurite) : DigestScenario(azurite)
{
    private static JsonElement Payload(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    private static string Content(JsonElement payload, string type) =>
        payload.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == type).GetProperty("value").GetString()!;

    [Fact]
    public async Task Posts_recipients_subject_both_bodies_and_the_merged_workbook_as_attachment()
    {
        Server.Respond(202, "", ("X-Message-Id", "msg-digest-1"));
        using var host = Host();

        var result = await host.Digests.SendScheduledAsync(Slot, default);

        var payload = Payload(Assert.Single(Server.Requests));
        var to = payload.GetProperty("personalizations")[0].GetProperty("to").EnumerateArray().Select(t => t.GetProperty("email").GetString());
        Assert.Equal([DigestTestHost.Presidency, DigestTestHost.Secretariat], to);
        Assert.Equal(result.Message!.Subject, payload.GetProperty("subject").GetString());
        Assert.StartsWith("Resumen del plan regional, 3.er trimestre de 2021", result.Message.Subject);
        Assert.Equal(result.Message.TextBody, Content(payload, "text/plain"));
        Assert.Equal(result.Message.HtmlBody, Content(payload, "text/html"));
        Assert.Equal("digest-202111081200", payload.GetProperty("custom_args").GetProperty(SendGridMailSender.MessageKeyArg).GetString());

        var attachment = Assert.Single(payload.GetProperty("attachments").EnumerateArray());
        Assert.Equal(MergedWorkbookService.FileName(Q3), attachment.GetProperty("filename").GetString());
        Assert.Equal(Xlsx.ContentType, attachment.GetProperty("type").GetString());
        using var workbook = new XLWorkbook(new MemoryStream(Convert.FromBase64String(attachment.GetProperty("content").GetString()!)));
        Assert.Equal(["Resumen", "Matriz", "Unidades × actividades", "Envíos", "Tendencias", "Datos"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(TotalRows, workbook.Worksheet("Datos").RowsUsed().Count() - 1);

        var record = await RecordAsync(host, Slot);
        Assert.Equal(nameof(DigestSendState.Sent), record.State);
        Assert.Equal("msg-digest-1", record.ProviderMessageId);
        Assert.Equal(MergedWorkbookService.FileName(Q3), record.Attachment);
        Assert.Equal(Clock.GetUtcNow(), record.SentAt);
    }

    [Fact]
    public async Task A_429_is_retried_and_the_digest_recorded_sent_once()
    {
        Server.Respond(429, "{\"errors\":[{\"message\":\"slow down\"}]}", ("Retry-After", "1")).Respond(202, "", ("X-Message-Id", "after-429"));
        using var host = Host();

        var first = await host.Digests.SendScheduledAsync(Slot, default);
        var again = await host.Digests.SendScheduledAsync(Slot, default);

        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(DigestOutcome.Sent, first.Outcome);
        Assert.Equal(2, first.Delivery!.Attempts);
        Assert.Equal(DigestOutcome.AlreadySent, again.Outcome);
        var record = await RecordAsync(host, Slot);
        Assert.Equal(nameof(DigestSendState.Sent), record.State);
        Assert.Equal("after-429", record.ProviderMessageId);
        Assert.Equal(1, record.Claims);
    }

    [Fact]
    public async Task A_400_is_not_retried_is_recorded_failed_and_thrown_and_a_retry_then_sends()
    {
        Server.Respond(400, "{\"errors\":[{\"message\":\"bad from\"}]}");
        using var host = Host();

        var ex = await Assert.ThrowsAsync<MailDeliveryException>(() => host.Digests.SendScheduledAsync(Slot, default));

        Assert.Equal(400, ex.Status);
        Assert.Single(Server.Requests);
        var failed = await RecordAsync(host, Slot);
        Assert.Equal(nameof(DigestSendState.Failed), failed.State);
        Assert.Null(failed.SentAt);
        Assert.Null(failed.StateJson);
        Assert.Contains("400", failed.Error);
        Assert.Empty(await host.Store.SentAsync(default));

        // The host's retry of the same slot takes the failed claim over and sends.
        Server.Respond(202, "", ("X-Message-Id", "retry-ok"));
        var retry = await host.Digests.SendScheduledAsync(Slot, default);

        Assert.Equal(DigestOutcome.Sent, retry.Outcome);
        Assert.Equal(2, Server.Requests.Count);
        var sent = await RecordAsync(host, Slot);
        Assert.Equal((nameof(DigestSendState.Sent), 2, "retry-ok"), (sent.State, sent.Claims, sent.ProviderMessageId));
        Assert.Null(sent.Error);
    }

    [Fact]
    public async Task The_timer_firing_twice_in_sequence_for_a_slot_posts_once()
    {
        Server.Respond(202);
        using var host = Host();

        var first = await host.Digests.SendScheduledAsync(Slot, default);
        Clock.SetUtcNow(Clock.GetUtcNow().AddMinutes(1));
        var second = await host.Digests.SendScheduledAsync(Slot, default);

        Assert.Single(Server.Requests);
        Assert.Equal((DigestOutcome.Sent, DigestOutcome.AlreadySent), (first.Outcome, second.Outcome));
    }

    [Fact]
    public async Task Four_instances_firing_concurrently_for_a_slot_post_once()
    {
        Server.Respond(202);
        var hosts = Enumerable.Range(0, 4).Select(_ => Host()).ToList();
        try
        {
            var results = await Task.WhenAll(hosts.Select(h => Task.Run(() => h.Digests.SendScheduledAsync(Slot, default))));

            Assert.Single(Server.Requests);
            Assert.Single(results, r => r.Outcome == DigestOutcome.Sent);
            // The others waited for the winner's claim to resolve rather than give up while it was sending.
            Assert.All(results.Where(r => r.Outcome != DigestOutcome.Sent), r => Assert.Equal(DigestOutcome.AlreadySent, r.Outcome));
        }
        finally
        {
            foreach (var h in hosts) h.Dispose();
        }
    }

    [Fact]
    public async Task A_live_claim_makes_the_run_throw_for_a_retry_and_a_claim_older_than_the_lease_is_taken_over()
    {
        using var host = Host();
        var key = DigestService.MessageKey(Slot);
        await host.Store.TryClaimAsync(new DigestEntity { RowKey = key, Slot = Slot, ClaimedBy = "crashed-run", ClaimedAt = Clock.GetUtcNow().AddMinutes(-1) },
            DigestTestHost.Timings.Lease, default);

        // The holder may still be sending: after the wait this run gives up and throws, so the host retries it later.
        var whileLive = await Assert.ThrowsAsync<MailClaimHeldException>(() => host.Digests.SendScheduledAsync(Slot, default));
        Assert.Equal(key, whileLive.MessageKey);
        Assert.Equal(Clock.GetUtcNow().AddMinutes(-1) + DigestTestHost.Timings.Lease, whileLive.LeaseEnds);
        Assert.Empty(Server.Requests);

        Server.Respond(202);
        Clock.Advance(DigestTestHost.Timings.Lease);
        var afterLease = await host.Digests.SendScheduledAsync(Slot, default);

        Assert.Equal(DigestOutcome.Sent, afterLease.Outcome);
        Assert.Single(Server.Requests);
        Assert.Equal(2, (await RecordAsync(host, Slot)).Claims);
    }

    [Fact]
    public async Task A_late_run_after_a_missed_slot_sends_once_with_changes_since_the_last_successful_send()
    {
        using var host = Host();
        var schedule = new DigestSchedule(DigestSchedule.Default);
        Server.Respond(202);
        var first = await host.Digests.SendScheduledAsync(Slot, default);
        var firstSentAt = Clock.GetUtcNow();

        // Between the sends: BZ's first accepted sheet and a GT correction; the next slot fails; then ST corrects.
        await SubmitAsync(Storage, "BZ", Q3, Slot.AddDays(2), [Row("BZ", Q3, National, 5)]);
        await SubmitAsync(Storage, "GT", Q3, Slot.AddDays(3), [Row("GT", Q3, National, 65), Row("GT", Q3, National2, 35), Row("GT", Q3, NotPlannedIn2021, 100)]);
        Clock.SetUtcNow(Slot.AddDays(7).AddSeconds(1));
        Server.Respond(400);
        await Assert.ThrowsAsync<MailDeliveryException>(() => host.Digests.SendScheduledAsync(schedule.SlotFor(Clock.GetUtcNow()), default));
        await SubmitAsync(Storage, "ST", Q3, Slot.AddDays(8), [Row("ST", Q3, Regional, 30), Row("ST", Q3, Shared, 90.25)]);

        // The host was down on the third Monday and runs late on the Wednesday after.
        Clock.SetUtcNow(Slot.AddDays(16).AddHours(3));
        var lateSlot = schedule.SlotFor(Clock.GetUtcNow());
        Server.Respond(202);
        var late = await host.Digests.SendScheduledAsync(lateSlot, default);
        var lateAgain = await host.Digests.SendScheduledAsync(schedule.SlotFor(Clock.GetUtcNow().AddHours(1)), default);

        Assert.Equal(Slot.AddDays(14), lateSlot);
        Assert.Equal((DigestOutcome.Sent, DigestOutcome.AlreadySent), (late.Outcome, lateAgain.Outcome));
        Assert.Equal(3, Server.Requests.Count);
        var changes = late.Changes!;
        Assert.Equal(firstSentAt, changes.Since);
        Assert.Equal(["GT", "BZ", "ST"], changes.Units.Select(u => u.Unit.Code));
        Assert.Equal([false, true, false], changes.Units.Select(u => u.FirstReport));
        Assert.Equal([National, Regional], changes.Values.Select(v => v.Activity.Code));
        var text = Content(Payload(Server.Requests[^1]), "text/plain");
        Assert.Contains($"Desde el último resumen enviado ({firstSentAt:yyyy-MM-dd HH:mm} UTC, del 3.er trimestre de 2021)", text);
        Assert.Contains("- Belice (BZ) informó por primera vez para el 3.er trimestre de 2021", text);
        Assert.Contains("- Guatemala (GT) envió una planilla nueva", text);
        Assert.Contains("- Secretaría Técnica (ST) envió una planilla nueva", text);
        Assert.Contains("- 2.1.1.1 ejecutado regional 25,0 % → 30,0 % (+5,0)", text);
        Assert.Equal(first.Message!.Subject.Split(':')[0], late.Message!.Subject.Split(':')[0]);
    }

    [Fact]
    public async Task A_workbook_over_the_size_limit_is_linked_to_the_portal_in_both_bodies_instead_of_attached()
    {
        Server.Respond(202);
        using var host = Host(maxAttachmentBytes: 100);

        var result = await host.Digests.SendScheduledAsync(Slot, default);

        var payload = Payload(Assert.Single(Server.Requests));
        Assert.False(payload.TryGetProperty("attachments", out _));
        var url = $"{DigestTestHost.PortalUrl}/coalition/2021-Q3/workbook";
        Assert.Contains(url, Content(payload, "text/plain"));
        Assert.Contains($"href=\"{url}\"", Content(payload, "text/html"));
        Assert.Equal(url, result.Workbook!.Url);
        Assert.Equal(url, (await RecordAsync(host, Slot)).WorkbookUrl);
    }

    [Fact]
    public async Task Headline_numbers_agree_with_the_attached_workbooks_summary_recomputed_from_its_data_sheet()
    {
        Server.Respond(202);
        using var host = Host();

        await host.Digests.SendScheduledAsync(Slot, default);

        var payload = Payload(Assert.Single(Server.Requests));
        var bytes = Convert.FromBase64String(payload.GetProperty("attachments")[0].GetProperty("content").GetString()!);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var oracle = DatosOracle.From(workbook, Q3);
        RecomputedFigures.InWorkbook(workbook, oracle);
        RecomputedFigures.InDigest(new DigestMessage(payload.GetProperty("subject").GetString()!, Content(payload, "text/html"), Content(payload, "text/plain")), oracle);
    }
}
