using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Locks;

/// <summary>
/// The blob trigger's ingestion against a quarter that locks (2021-Q3, 15 November 2021): an upload that arrives after
/// the lock is refused with <c>PERIOD_LOCKED</c> and changes nothing of the stored figures; the arrival decides, not the
/// processing; a reopening lets the unit in until it ends or the ST locks it again.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PeriodLockIngestionTests(AzuriteFixture azurite) : LockScenario(azurite, new DateTimeOffset(2021, 10, 20, 9, 0, 0, TimeSpan.Zero))
{
    private static readonly string Partition = TableKeys.Partition(Q3, "GT");

    [Fact]
    public async Task An_upload_arriving_after_the_lock_is_refused_saying_since_when_and_whom_to_ask_and_the_figures_stay()
    {
        var onTime = await IngestAtAsync(Oct(20, 9), "informe.xlsx", Sheet(20));
        var before = await CurrentAsync(Host, "GT", Q3.ToString());
        var pointer = await Host.Submissions.GetPointerAsync(Partition, default);

        var late = await IngestAtAsync(Nov(20, 9), "informe-corregido.xlsx", Sheet(30));

        Assert.Equal(IngestionOutcome.Rejected, late.Outcome);
        var error = Assert.Single(late.Report.Errors);
        Assert.Equal(("PERIOD_LOCKED", "Si necesita enviar este informe, pida a la Secretaría Técnica (st@coalicion.example.org) que reabra el 3.er trimestre de 2021 para GT: " +
            "está cerrado para los informes de GT desde el 15 de noviembre de 2021, 00:00 (hora de Guatemala, UTC−6), así que ya no se aceptan y las cifras enviadas no cambian."), (error.Code, error.Message));
        // Nothing of the stored figures moved: same pointer (same ETag), same rows.
        var after = await Host.Submissions.GetPointerAsync(Partition, default);
        Assert.Equal((onTime.SubmissionId, pointer!.ETag), (after!.SubmissionId, after.ETag));
        Assert.Equal(before, await CurrentAsync(Host, "GT", Q3.ToString()));
        Assert.Equal(20d, (await Host.Progress.ReadCurrentAsync(Host.Submissions, "GT", Q3, default)).Single(r => r.Activity == "1.1.1.2").Ejecutado);
        // Its history entry and report are written as for any rejection, and the unit is told.
        var refused = (await HistoryAsync(Host, Q3.ToString())).Single(h => h.RowKey == late.SubmissionId);
        Assert.Equal(SubmissionStatus.Rejected, refused.StatusValue);
        Assert.InRange(refused.UploadedAt, Nov(20, 9), Nov(20, 9).AddMilliseconds(1));
        using var report = await ReportJsonAsync(Host, "GT", Q3.ToString(), "informe-corregido.xlsx");
        Assert.Equal("PERIOD_LOCKED", report.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        var mail = Assert.Single(Host.MailFolders("GT", Q3), f => f.Contains(late.SubmissionId![..16], StringComparison.Ordinal));
        var body = await File.ReadAllTextAsync(Path.Combine(mail, "body.txt"));
        Assert.Contains("fue rechazado porque el trimestre está cerrado", body, StringComparison.Ordinal);
        Assert.Contains("st@coalicion.example.org", body, StringComparison.Ordinal);
        // The arrival log keeps both arrivals with their verdicts.
        var arrivals = await Host.Arrivals.ListAsync(Q3, default);
        Assert.Equal(["True ", "False PERIOD_LOCKED"], arrivals.OrderBy(a => a.ArrivedAt).Select(a => $"{a.Accepted} {a.ErrorCodes}"));
    }

    [Fact]
    public async Task A_sheet_that_arrived_before_the_lock_is_accepted_when_it_is_processed_after_it_and_again_when_redelivered()
    {
        var blob = await UploadAtAsync(LocksAt.AddMinutes(-1), "informe.xlsx", Sheet(20));
        Clock.SetUtcNow(LocksAt.AddHours(6));   // the trigger runs hours later (a redelivery, a backlog)

        var first = await Host.IngestAsync(blob);
        var again = await Host.IngestAsync(blob);

        Assert.Equal((IngestionOutcome.Accepted, IngestionOutcome.Duplicate), (first.Outcome, again.Outcome));
        var arrival = (await Host.Submissions.GetPointerAsync(Partition, default))!.UploadedAt;
        Assert.InRange(arrival, LocksAt.AddMinutes(-1), LocksAt.AddTicks(-1));
    }

    [Fact]
    public async Task Inside_a_reopening_the_unit_is_accepted_after_it_refused_again_and_the_same_sheet_is_told_both_verdicts()
    {
        var sheet = Sheet(20);   // one build: the same bytes, the same content (a workbook built again carries a new timestamp)
        var refused = await IngestAtAsync(Nov(18, 9), "informe.xlsx", sheet);
        var reopen = await ReopenAtAsync(Nov(19, 10));

        var accepted = await IngestAtAsync(Nov(22, 11), "informe.xlsx", sheet);
        // The reopening ends at midnight on Guatemala's clock after its last day: 06:00 UTC.
        var tooLate = await IngestAtAsync(Nov(27, 6).AddSeconds(1), "informe-v2.xlsx", Sheet(30));

        Assert.Equal(IngestionOutcome.Rejected, refused.Outcome);
        Assert.Equal(new DateTimeOffset(2021, 11, 27, 6, 0, 0, TimeSpan.Zero), reopen.Entry!.Until);
        Assert.Equal((IngestionOutcome.Accepted, refused.SubmissionId), (accepted.Outcome, accepted.SubmissionId));
        // The same content: its accepted arrivals start with the accepted one, not the refused one.
        var entry = (await Host.Submissions.GetAsync(Partition, accepted.SubmissionId!, default))!;
        Assert.Equal((SubmissionStatus.Current, (DateTimeOffset?)null), (entry.StatusValue, entry.LastUploadedAt));
        Assert.InRange(entry.UploadedAt, Nov(22, 11), Nov(22, 11).AddMilliseconds(1));
        Assert.Equal("PERIOD_LOCKED", Assert.Single(tooLate.Report.Errors).Code);
        Assert.Contains("desde el 27 de noviembre de 2021", tooLate.Report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(accepted.SubmissionId, (await Host.Submissions.GetPointerAsync(Partition, default))!.SubmissionId);
        // Refused, then accepted: two mails about one content, each once.
        var mails = Host.MailFolders("GT", Q3).Where(f => f.Contains(accepted.SubmissionId![..16], StringComparison.Ordinal))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([$"result-GT-2021-Q3-{accepted.SubmissionId![..16]}", $"result-GT-2021-Q3-{accepted.SubmissionId[..16]}-accepted"], mails);
    }

    [Fact]
    public async Task The_ST_locking_again_ends_the_reopening_at_once()
    {
        await ReopenAtAsync(Nov(19, 10));
        Clock.SetUtcNow(Nov(21, 8));
        var locked = await Locks.LockAsync(new Core.Locks.LockRequest("GT", Q3, "recibido", "Luis (ST)"), default);

        var result = await IngestAtAsync(Nov(22, 9), "informe.xlsx", Sheet(20));

        Assert.Equal(Core.Locks.LockChangeOutcome.Locked, locked.Outcome);
        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        Assert.Contains("desde el 21 de noviembre de 2021", Assert.Single(result.Report.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_current_sheet_uploaded_again_after_the_lock_is_refused_and_its_entry_and_pointer_stay_as_they_were()
    {
        var sheet = Sheet(20);
        var current = await IngestAtAsync(Oct(20, 9), "informe.xlsx", sheet);
        var entryBefore = (await Host.Submissions.GetAsync(Partition, current.SubmissionId!, default))!;
        var pointerBefore = (await Host.Submissions.GetPointerAsync(Partition, default))!;

        var again = await IngestAtAsync(Nov(20, 9), "informe-otra-vez.xlsx", sheet);

        Assert.Equal((IngestionOutcome.Rejected, current.SubmissionId), (again.Outcome, again.SubmissionId));
        Assert.Equal("PERIOD_LOCKED", Assert.Single(again.Report.Errors).Code);
        var entry = (await Host.Submissions.GetAsync(Partition, current.SubmissionId!, default))!;
        Assert.Equal((SubmissionStatus.Current, entryBefore.UploadedAt, (DateTimeOffset?)null), (entry.StatusValue, entry.UploadedAt, entry.LastUploadedAt));
        var pointer = (await Host.Submissions.GetPointerAsync(Partition, default))!;
        Assert.Equal((pointerBefore.UploadedAt, pointerBefore.ETag), (pointer.UploadedAt, pointer.ETag));
        // Told the refusal too: the content's second mail, about the other verdict.
        Assert.Equal([$"result-GT-2021-Q3-{current.SubmissionId![..16]}", $"result-GT-2021-Q3-{current.SubmissionId[..16]}-rejected"],
            Host.MailFolders("GT", Q3).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
