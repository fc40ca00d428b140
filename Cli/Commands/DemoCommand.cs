using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>demo</c>: the whole pipeline on sample data, through the same services production uses — templates for every
/// unit, filled sheets uploaded and ingested (one with errors, one hostile file, one unit missing, a correction, a
/// repeated delivery, a sheet naming an unregistered e-mail and leaving an activity blank, one marking an activity "no
/// aplica"), the merged workbook and the Presidency's digest — with everything written under <c>--out</c>. The story is
/// set on the plan's dates (<see cref="DemoClock"/>, <see cref="DemoArrivalClock"/>): sheets arrive before the deadline,
/// corrections after it, and the digest goes out at the first slot after it, so the quarter is the one the reporting
/// calendar says is due; result mails go to the registered contacts (<c>Contacts__*</c>, which scripts/demo.sh sets).
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
    IOptions<DigestOptions> digestOptions,
    IOptions<ReportingOptions> reporting,
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

        var plan = DemoScenario.For(units, period);
        var members = units.At(period);
        Directory.CreateDirectory(Path.Combine(outDir, "templates"));
        Directory.CreateDirectory(Path.Combine(outDir, "uploads"));

        // The story is set on the plan's dates: each quarter's sheets arrive a few days before its deadline, the corrections
        // the day after it (late), and the digest goes out at the first slot after the deadline.
        var due = calendar.Deadline(period);
        var digestAt = schedule.NextAfter(due).AddMinutes(1);
        await stdout.WriteLineAsync($"0. {period} was due {DeadlineText.For(period, reporting.Value.DeadlineDays, Language.En)} (last day to send); " +
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

        await stdout.WriteLineAsync($"2. Uploads: {plan.Count} files ingested as the blob trigger would");
        var outcomes = new List<object>();
        var table = new StringBuilder();
        var notes = new StringBuilder();
        DateTimeOffset? storyClock = null;
        foreach (var step in plan)
        {
            var content = step.Kind switch
            {
                DemoUpload.NotAWorkbook => Encoding.UTF8.GetBytes("unidad;actividad;ejecutado\nSV;1.1.1.2;50\n"),
                _ => filler.Fill(templates.Write(step.Unit, step.Period, step.Unit.Language), step.Unit, step.Period, step.Sample,
                    step.Kind == DemoUpload.Correction ? 1 : 0, step.FocalEmail),
            };
            var storyDate = step.Period != period ? calendar.Deadline(step.Period).AddDays(-5).AddHours(15)
                : step.Kind == DemoUpload.Correction ? due.AddDays(1).AddHours(10)
                : due.AddDays(-5).AddHours(15);
            if (storyDate != storyClock)
            {
                clock.StartAt(storyDate);
                storyClock = storyDate;
                table.AppendLine($"   — {storyDate:yyyy-MM-dd}:");
            }
            var fileName = $"{step.Unit.Code}-{step.Period}{step.Suffix}.xlsx";
            await File.WriteAllBytesAsync(Path.Combine(outDir, "uploads", fileName), content, cancellationToken);
            var path = new UploadPath(step.Unit.Code, step.Period, fileName);
            // Every delivery's outcome is recorded, the repeated one too (first accepted, then a no-op duplicate).
            var deliveries = step.Kind == DemoUpload.RepeatedDelivery ? 2 : 1;
            var recipients = contacts.For(step.Unit.Code);
            for (var delivery = 1; delivery <= deliveries; delivery++)
            {
                var result = await submitter.SubmitAsync(path, new MemoryStream(content), $"demo:{step.Unit.Code}", cancellationToken);
                var description = deliveries == 1 ? step.Description : $"{step.Description} ({(delivery == 1 ? "1st" : "2nd, same file")})";
                table.AppendLine($"   {step.Unit.Code,-3} {step.Period} {description,-42} {result.Outcome,-10} rows {result.Rows,3}  errors {result.Report.Errors.Count,2}  warnings {result.Report.Warnings.Count,2}");
                outcomes.Add(new { unit = step.Unit.Code, period = step.Period.ToString(), file = fileName, step = step.Description, delivery,
                    outcome = result.Outcome.ToString(), rows = result.Rows, report = result.ReportBlob, errors = result.Report.Errors.Select(e => e.Code),
                    warnings = result.Report.Warnings.Select(w => w.Code), mailedTo = recipients.To.Select(r => r.Address),
                    copiedTo = recipients.Cc.Select(r => r.Address) });
                foreach (var warning in result.Report.Warnings.Where(w => w.Code == IngestionIssues.FocalEmailNotRegistered.Code && delivery == 1))
                    notes.AppendLine($"   {step.Unit.Code}: {warning.Message}");
            }
        }
        await stdout.WriteAsync(table.ToString());
        await stdout.WriteAsync(notes.ToString());
        await File.WriteAllTextAsync(Path.Combine(outDir, "ingestion.json"),
            JsonSerializer.Serialize(outcomes, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);

        clock.StartAt(digestAt);
        var workbookPath = Path.Combine(outDir, MergedWorkbookService.FileName(period));
        await using (var file = File.Create(workbookPath))
        {
            var summary = await workbooks.WriteAsync(period, file, cancellationToken)
                ?? throw new InvalidOperationException("The demo ingested no accepted sheet.");
            await stdout.WriteLineAsync($"3. Merged workbook → {workbookPath} ({summary.DataRows} data rows, {summary.UnitsReported} of {summary.UnitsExpected} units)");
        }

        // The headline, completeness first, as the workbook's summary and the digest word it.
        var (progress, _) = await workbooks.CalculateAsync(period, cancellationToken);
        LanguageCodes.TryParse(digestOptions.Value.Language, out var language);
        foreach (var line in RegionalHeadline.Lines(progress, language)) await stdout.WriteLineAsync("   " + line);

        // The timer's path: this slot's digest, then the same slot again as a timer firing twice would (a no-op).
        var slot = schedule.SlotFor(clock.GetUtcNow());
        var digest = await digests.SendScheduledAsync(slot, cancellationToken);
        var again = await digests.SendScheduledAsync(slot, cancellationToken);
        if (digest.Message is { } message)
            await File.WriteAllTextAsync(Path.Combine(outDir, $"digest-{digest.Period}.html"), message.HtmlBody, cancellationToken);
        await stdout.WriteLineAsync($"4. Digest for slot {slot:yyyy-MM-dd HH:mm} UTC about {digest.Period} (the calendar's quarter): " +
            $"{digest.Outcome} ({digest.Message?.Subject}); the timer firing again for the same slot: {again.Outcome}");
        await stdout.WriteLineAsync($"   → {digest.Delivery?.OutboxDirectory ?? digest.Delivery?.ProviderMessageId}, and {Path.Combine(outDir, $"digest-{digest.Period}.html")}");
        return ExitCodes.Ok;
    }
}
