using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.PlanMatrix;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>demo</c>: the whole pipeline on sample data, through the same services production uses — templates for every
/// unit, filled sheets uploaded and ingested (one with errors, one hostile file, one unit missing, a correction, a
/// repeated delivery, a sheet naming an unregistered e-mail and leaving an activity blank, one marking an activity "no
/// aplica"), reminders and late notices to the units still missing, the Presidency's digest with its workbook, then the
/// quarter locking (a late sheet refused with <c>PERIOD_LOCKED</c>, the ST reopening it for that unit with a reason, the
/// sheet accepted, the reopening ended) and the record as of the digest's instant beside the current one — with
/// everything written under <c>--out</c>. The story is set on the plan's dates (<see cref="DemoClock"/>,
/// <see cref="DemoArrivalClock"/>); result mails go to the registered contacts (<c>Contacts__*</c>, which
/// scripts/demo.sh sets).
/// </summary>
public sealed class DemoCommand(
    CliPlans cliPlans,
    ReportingUnits units,
    TemplateWriter templates,
    SampleSheetFiller filler,
    UploadSubmitter submitter,
    MergedWorkbookService workbooks,
    DigestService digests,
    DigestSchedule schedule,
    ReportingCalendar calendar,
    RegisteredContacts contacts,
    ReminderService reminders,
    DemoLockStory lockStory,
    TrendService trends,
    PlanMatrixReport matrices,
    IOptions<DigestOptions> digestOptions,
    DemoClock clock) : ICliCommand
{
    public string Name => "demo";

    public string Usage => "demo --out DIR [--period 2021-Q3]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args);
        var outDir = Path.GetFullPath(arguments.RequiredOption("out"));
        var periodText = arguments.Option("period") ?? "2021-Q3";
        arguments.RejectUnknown(maxPositionals: 0);
        var plans = await cliPlans.InForceAsync(cancellationToken);
        if (!ReportingPeriod.TryParse(periodText, out var period) || plans.Find(period) is null || period.Quarter == 1)
            throw new UsageException($"--period must be a quarter after Q1 inside a plan in force ({plans.Describe()}), e.g. 2021-Q3.");

        var catalog = plans.For(period);
        var plan = DemoScenario.For(units, period, new ReportingPeriod(catalog.FirstYear, 1));
        var stalled = DemoScenario.StalledActivity(catalog, period);
        var members = units.At(period);
        Directory.CreateDirectory(Path.Combine(outDir, "templates"));
        Directory.CreateDirectory(Path.Combine(outDir, "uploads"));

        // The story is set on the plan's dates: each quarter's sheets arrive a few days before its deadline, the units
        // still missing are reminded three days before it and told once it has passed, corrections arrive the day after
        // it (late), and the digest goes out at the first slot after the deadline.
        // The story's clock is anchored at 00:00 UTC after the last day to send: every member is west of UTC, so at each of
        // its instants every unit's own day is the day the story names (a sheet "the day after" is late on every clock).
        var due = StoryDay(calendar.LastDayToSend(period).AddDays(1));
        var digestAt = schedule.NextAfter(due).AddMinutes(1);
        await stdout.WriteLineAsync($"0. {period} was due {DeadlineText.ForEveryUnit(calendar.LastDayToSend(period), Language.En)} (last day to send); " +
            $"uploads are dated before and after it, the digest {digestAt:yyyy-MM-dd HH:mm} UTC");
        var registered = members.All.Count(u => contacts.For(u.Code).UnitContacts.Count > 0);
        await stdout.WriteLineAsync(registered == 0
            ? "   No registered contacts (Contacts__Units__*): result mails reach only the ST copy, if any. scripts/demo.sh registers them."
            : $"   Registered contacts for {registered} of {members.All.Count} units; result mails go only to them (and the ST copy)");

        await stdout.WriteLineAsync($"1. Templates for {members.All.Count} units, {period} → {Path.Combine(outDir, "templates")}");
        foreach (var unit in members.All)
        {
            var bytes = templates.Write(unit, period, unit.Language);
            await File.WriteAllBytesAsync(Path.Combine(outDir, "templates", TemplateTexts.FileName(unit, period, unit.Language)), bytes, cancellationToken);
        }

        await stdout.WriteLineAsync($"2. Uploads: {plan.Count} files ingested as the blob trigger would, and the reminder timer's runs between them");
        var history = plan.Where(s => s.Period < period).ToList();
        await stdout.WriteLineAsync($"   Earlier quarters, {history[0].Period} to {history[^1].Period}, each five days before its deadline: " +
            $"{DemoScenario.Stops(units, period).Code} stops reporting after {period.Previous.Previous}; activity {stalled} does not move after {period.Year}-Q1");
        var outcomes = new List<object>();
        var table = new StringBuilder();
        var notes = new StringBuilder();
        var followUps = new Queue<DateTimeOffset>([due.AddDays(-3).AddHours(13), due.AddHours(13)]);
        DateTimeOffset? storyClock = null;
        var quarterTable = new StringBuilder();
        var quarterOutcomes = new List<IngestionOutcome>();
        for (var index = 0; index < plan.Count; index++)
        {
            var step = plan[index];
            // An earlier quarter reads as one line: how many sheets, with which outcomes.
            var earlier = step.Period < period;
            var lines = earlier ? quarterTable : table;
            var storyDate = step.Period != period ? StoryDay(calendar.LastDayToSend(step.Period).AddDays(1)).AddDays(-5).AddHours(15)
                : step.Kind == DemoUpload.Correction ? due.AddDays(1).AddHours(10)
                : due.AddDays(-5).AddHours(15);
            while (followUps.TryPeek(out var reminderAt) && reminderAt <= storyDate)
                await RemindAsync(followUps.Dequeue(), table, cancellationToken);
            if (storyDate != storyClock)
            {
                clock.StartAt(storyDate);
                storyClock = storyDate;
                if (!earlier) table.AppendLine($"   — {storyDate:yyyy-MM-dd}:");
            }

            var content = step.Kind switch
            {
                DemoUpload.NotAWorkbook => Encoding.UTF8.GetBytes("unidad;actividad;ejecutado\nSV;1.1.1.2;50\n"),
                _ => filler.Fill(templates.Write(step.Unit, step.Period, step.Unit.Language), step.Unit, step.Period, step.Sample,
                    step.Kind == DemoUpload.Correction ? 1 : 0, step.FocalEmail, step.Period.Year == period.Year ? stalled : null),
            };
            var fileName = $"{step.Unit.Code}-{step.Period}{step.Suffix}.xlsx";
            await File.WriteAllBytesAsync(Path.Combine(outDir, "uploads", fileName), content, cancellationToken);
            // Every delivery's outcome is recorded, the repeated one too (first accepted, then a no-op duplicate).
            var deliveries = step.Kind == DemoUpload.RepeatedDelivery ? 2 : 1;
            for (var delivery = 1; delivery <= deliveries; delivery++)
            {
                var description = deliveries == 1 ? step.Description : $"{step.Description} ({(delivery == 1 ? "1st" : "2nd, same file")})";
                var result = await SubmitAsync(step.Unit, step.Period, fileName, content, description, delivery, lines, outcomes, cancellationToken);
                if (earlier) quarterOutcomes.Add(result.Outcome);
                foreach (var warning in result.Report.Warnings.Where(w => w.Code == IngestionIssues.FocalEmailNotRegistered.Code && delivery == 1))
                    notes.AppendLine($"   {step.Unit.Code}: {warning.Message}");
            }

            if (earlier && (index == plan.Count - 1 || plan[index + 1].Period != step.Period))
            {
                table.AppendLine($"   {step.Period}: {quarterOutcomes.Count} sheets, {quarterOutcomes.Count(o => o == IngestionOutcome.Accepted)} accepted " +
                    $"({string.Join(", ", plan.Where(p => p.Period == step.Period).Select(p => p.Unit.Code))})");
                quarterOutcomes.Clear();
                quarterTable.Clear();
            }
        }
        while (followUps.TryDequeue(out var reminderAt)) await RemindAsync(reminderAt, table, cancellationToken);
        await stdout.WriteAsync(table.ToString());
        await stdout.WriteAsync(notes.ToString());

        // The digest's slot: the headline it reports, then the timer's path — this slot's digest, then the same slot again
        // as a timer firing twice would (a no-op). The workbook it attaches is the one of that instant.
        clock.StartAt(digestAt);
        var (progress, _) = await workbooks.CalculateAsync(period, cancellationToken);
        var language = LanguageChoice.Of(digestOptions.Value.Language);
        await stdout.WriteLineAsync($"3. At the digest's slot, {progress.UnitsReported} of {progress.UnitsExpected} units reported:");
        foreach (var line in RegionalHeadline.Lines(progress, language)) await stdout.WriteLineAsync("   " + line);
        // One line of trend: the plan's quarters up to this one, as the trends page and the digest read them.
        var trend = await trends.GetAsync(TrendRange.Of(plans.For(period), period), cancellationToken);
        await stdout.WriteLineAsync("   Trend: " + TrendReading.Execution(language == Language.En ? "Overall execution" : "La ejecución total",
            trend.Quarters.Select(q => (q.Period, q.Overall)).ToList(), language) + ". " + TrendReading.Rate(trend.WithData.Select(q => q.Rate).ToList(), language));
        var slot = schedule.SlotFor(clock.GetUtcNow());
        var digest = await digests.SendScheduledAsync(slot, cancellationToken);
        var again = await digests.SendScheduledAsync(slot, cancellationToken);
        if (digest.Message is { } message)
            await File.WriteAllTextAsync(Path.Combine(outDir, $"digest-{digest.Period}.html"), message.HtmlBody, cancellationToken);
        await stdout.WriteLineAsync($"   Digest for slot {slot:yyyy-MM-dd HH:mm} UTC about {digest.Period} (the calendar's quarter): " +
            $"{digest.Outcome} ({digest.Message?.Subject}); the timer firing again for the same slot: {again.Outcome}");
        await stdout.WriteLineAsync($"   → {digest.Delivery?.OutboxDirectory ?? digest.Delivery?.ProviderMessageId}, and {Path.Combine(outDir, $"digest-{digest.Period}.html")}");

        // The quarter locks; the unit that never filed is refused, the ST reopens the quarter for it, its sheet goes in.
        var late = DemoScenario.Missing(units, period);
        var lateContent = filler.Fill(templates.Write(late, period, late.Language), late, period, stalledActivity: stalled);
        var lateFile = $"{late.Code}-{period}-late.xlsx";
        await File.WriteAllBytesAsync(Path.Combine(outDir, "uploads", lateFile), lateContent, cancellationToken);
        var lockTable = new StringBuilder();
        await lockStory.RunAsync(late, period, lockTable, (description, ct) =>
            SubmitAsync(late, period, lateFile, lateContent, description, 1, lockTable, outcomes, ct), cancellationToken);
        await stdout.WriteLineAsync("4. The quarter locks for uploads:");
        await stdout.WriteAsync(lockTable.ToString());
        await File.WriteAllTextAsync(Path.Combine(outDir, "ingestion.json"),
            JsonSerializer.Serialize(outcomes, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);

        await stdout.WriteLineAsync("5. The merged workbook now, and the record as of the digest's instant:");
        await lockStory.WorkbooksAsync(period, digest.MessageKey, outDir, stdout, language, cancellationToken);

        // The plan's matrix filled now, as plan-report writes it and the trends page offers it.
        var matrix = await matrices.BuildAsync(catalog, null, cancellationToken);
        var matrixPath = Path.Combine(outDir, PlanMatrixReport.FileName(matrix, language));
        await using (var file = File.Create(matrixPath)) matrices.Write(file, matrix, language);
        await stdout.WriteLineAsync($"6. The plan matrix filled, up to {matrix.Through}: " + string.Join("; ", matrix.Years.Select(y => y.Basis is { } b
            ? $"{y.Year} from {b.Period}{(y.IsComplete ? "" : " (in progress)")}"
            : $"{y.Year} no reports")) + $" → {matrixPath}");
        return ExitCodes.Ok;
    }

    private async Task<IngestionResult> SubmitAsync(ReportingUnit unit, ReportingPeriod period, string fileName, byte[] content,
        string description, int delivery, StringBuilder table, List<object> outcomes, CancellationToken ct)
    {
        var result = await submitter.SubmitAsync(new UploadPath(unit.Code, period, fileName), new MemoryStream(content), $"demo:{unit.Code}", ct);
        var recipients = contacts.For(unit.Code);
        table.AppendLine($"   {unit.Code,-3} {period} {description,-42} {result.Outcome,-10} rows {result.Rows,3}  errors {result.Report.Errors.Count,2}  warnings {result.Report.Warnings.Count,2}"
            + (result.Report.Errors.Count > 0 ? $"  ({string.Join(", ", result.Report.Errors.Select(e => e.Code).Distinct())})" : ""));
        outcomes.Add(new { unit = unit.Code, period = period.ToString(), file = fileName, step = description, delivery,
            outcome = result.Outcome.ToString(), rows = result.Rows, report = result.ReportBlob, errors = result.Report.Errors.Select(e => e.Code),
            warnings = result.Report.Warnings.Select(w => w.Code), mailedTo = recipients.To.Select(r => r.Address),
            copiedTo = recipients.Cc.Select(r => r.Address) });
        return result;
    }

    /// <summary>What the reminder timer does at <paramref name="at"/>: each mail sent, by kind and unit.</summary>
    private async Task RemindAsync(DateTimeOffset at, StringBuilder table, CancellationToken ct)
    {
        clock.StartAt(at);
        var run = await reminders.SendDueAsync(at, ct);
        var sent = run.Items.Where(i => i.Outcome == ReminderOutcome.Sent).ToList();
        table.AppendLine($"   — {at:yyyy-MM-dd HH:mm} UTC, the reminder timer: {(sent.Count == 0 ? "nothing due" : Counted.Of(sent.Count, "mail", "mails"))}");
        foreach (var kind in sent.GroupBy(i => i.Kind == ReminderKind.WeeklyMissing ? $"the ST's list of week {i.Week}" : $"{i.Kind.Key(i.DaysBefore)} {i.Period}"))
        {
            var who = kind.Where(i => i.Unit is not null).Select(i => i.Unit).ToList();
            table.AppendLine($"     {kind.Key}{(who.Count > 0 ? $" → {string.Join(", ", who)}" : $" → {string.Join("; ", kind.First().Recipients ?? [])}")}");
        }
    }

    /// <summary>00:00 UTC of <paramref name="day"/>: the story's anchor (its instants are UTC, as Azurite stamps them).</summary>
    private static DateTimeOffset StoryDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
