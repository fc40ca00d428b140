using System.Text;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Cli.Demo;

/// <summary>
/// The end of the demo's story, after the digest went out: the quarter locks (deadline + <c>Reports__LockGraceDays</c>);
/// the unit that never filed uploads its sheet and is refused with <c>PERIOD_LOCKED</c>; the ST reopens the quarter for
/// it for a week, with a reason; the same sheet is accepted (figures now say it came in after the lock); the ST ends the
/// reopening. Then the two workbooks: the current one, and the record as of the instant the digest's figures were read,
/// which names exactly the submissions the digest recorded.
/// </summary>
public sealed class DemoLockStory(PeriodLockService locks, ReportingCalendar calendar, MergedWorkbookService workbooks, DigestStore digests,
    DemoClock clock)
{
    public const string By = "Secretaría Técnica (demo)";
    public const string Reason = "Cambio de punto focal: el informe estaba listo y no se pudo subir a tiempo.";
    public const int Days = 7;

    /// <param name="submit">Uploads the unit's sheet and runs the ingestion, with a description for the printout.</param>
    public async Task RunAsync(ReportingUnit unit, ReportingPeriod period, StringBuilder table,
        Func<string, CancellationToken, Task<IngestionResult>> submit, CancellationToken ct)
    {
        // The unit's lock is midnight on its clock; the story's instants count from 00:00 UTC of that day (the demo's
        // UTC anchor: every member is west of UTC, so each step falls on the day the story names on the unit's clock).
        var dates = calendar.Dates(period, unit);
        if (dates.LockDay is not { } lockDay)
        {
            table.AppendLine("   Quarters never lock here (Reports__LockGraceDays = -1): there is no lock to show.");
            return;
        }

        var locksAt = new DateTimeOffset(lockDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        table.AppendLine($"   {period} locked for {unit.Code}'s uploads on {LockTexts.AutomaticLock(dates).En}.");
        At(locksAt.AddDays(3).AddHours(9), table);
        await submit("late sheet, quarter locked", ct);

        At(locksAt.AddDays(4).AddHours(10), table);
        var reopened = await locks.ReopenAsync(new ReopenRequest(unit.Code, period, Days, Reason, By), ct);
        table.AppendLine($"   reopen: {reopened.Outcome}: {reopened.Message.En}");

        At(locksAt.AddDays(7).AddHours(11), table);
        await submit("the same sheet, quarter reopened", ct);

        At(locksAt.AddDays(8).AddHours(9), table);
        var locked = await locks.LockAsync(new LockRequest(unit.Code, period, "Informe recibido: se cierra la reapertura.", By), ct);
        table.AppendLine($"   lock: {locked.Outcome}: {locked.Message.En}");
    }

    /// <summary>
    /// Writes the current workbook and the one as of the instant the digest <paramref name="digestKey"/> read its
    /// figures, and prints both headlines and whether the record as of that instant names the digest's submissions.
    /// </summary>
    public async Task WorkbooksAsync(ReportingPeriod period, string? digestKey, string outDir, TextWriter stdout, Language language,
        CancellationToken ct)
    {
        var current = Path.Combine(outDir, MergedWorkbookService.FileName(period));
        var now = await WriteAsync(period, current, null, ct);
        await PrintAsync(stdout, "Now", current, now, language);

        var sent = digestKey is null ? null : await digests.GetAsync(DigestEntity.ScheduledPartition, digestKey, ct);
        if (sent?.ComputedAt is not { } asOf)
        {
            await stdout.WriteLineAsync("   The digest recorded no instant: no record as of it to show.");
            return;
        }

        var past = Path.Combine(outDir, MergedWorkbookService.FileName(period, asOf));
        var then = await WriteAsync(period, past, asOf, ct);
        await PrintAsync(stdout, $"As of the digest's instant, {asOf.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC", past, then, language);
        var same = string.Equals(FigureSource.Join(then.Basis), sent.Basis, StringComparison.Ordinal);
        await stdout.WriteLineAsync(same
            ? $"   The record as of that instant names the {then.Basis.Count} submissions the digest {digestKey} recorded: its figures are the ones sent."
            : $"   The record as of that instant does NOT name the submissions the digest {digestKey} recorded ({sent.Basis}).");
    }

    private async Task<RegionalProgress> WriteAsync(ReportingPeriod period, string path, DateTimeOffset? asOf, CancellationToken ct)
    {
        await using var file = File.Create(path);
        var summary = await workbooks.WriteAsync(period, file, ct, asOf) ?? throw new InvalidOperationException($"No accepted sheet for {period}.");
        return summary.Progress!;
    }

    private static async Task PrintAsync(TextWriter stdout, string title, string path, RegionalProgress progress, Language language)
    {
        await stdout.WriteLineAsync($"   {title}: {progress.UnitsReported} of {progress.UnitsExpected} units → {path}");
        foreach (var line in RegionalHeadline.Lines(progress, language)) await stdout.WriteLineAsync("     " + line);
    }

    private void At(DateTimeOffset instant, StringBuilder table)
    {
        clock.StartAt(instant);
        table.AppendLine($"   — {instant:yyyy-MM-dd HH:mm}:");
    }
}
