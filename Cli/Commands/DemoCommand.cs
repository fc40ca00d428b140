using System.Text;
using System.Text.Json;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>demo</c>: the whole pipeline on sample data, through the same services production uses — templates for every
/// unit, filled sheets uploaded and ingested (one with errors, one hostile file, one unit missing, a correction, a
/// repeated delivery and a sheet naming an unregistered e-mail), the merged workbook and the Presidency's digest — with
/// everything written under <c>--out</c>. The clock is set to the first digest slot after the quarter's deadline, so
/// the quarter is the one the reporting calendar says is due; result mails go to the registered contacts
/// (<c>Contacts__*</c>, which scripts/demo.sh sets).
/// </summary>
public sealed class DemoCommand(
    PlanCatalog catalog,
    ReportingUnits units,
    TemplateWriter templates,
    SampleSheetFiller filler,
    UploadSubmitter submitter,
    MergedWorkbookService workbooks,
    DigestService digests,
    DigestSchedule schedule,
    ReportingCalendar calendar,
    RegisteredContacts contacts,
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
        if (!ReportingPeriod.TryParse(periodText, out var period) || !catalog.ContainsYear(period.Year) || period.Quarter == 1)
            throw new UsageException($"--period must be a quarter after Q1 inside the plan ({catalog.FirstYear}–{catalog.LastYear}), e.g. 2021-Q3.");

        var plan = DemoScenario.For(units, period);
        Directory.CreateDirectory(Path.Combine(outDir, "templates"));
        Directory.CreateDirectory(Path.Combine(outDir, "uploads"));

        // The story happens just after the quarter's deadline: the first digest slot from then on.
        clock.StartAt(schedule.NextAfter(calendar.Deadline(period)).AddMinutes(1));
        await stdout.WriteLineAsync($"0. Clock set to {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC: {period} was due {calendar.Deadline(period):yyyy-MM-dd}; " +
            $"the last quarter due is {calendar.LastDue()}");
        var registered = units.All.Count(u => contacts.For(u.Code).UnitContacts.Count > 0);
        await stdout.WriteLineAsync(registered == 0
            ? "   No registered contacts (Contacts__Units__*): result mails reach only the ST copy, if any. scripts/demo.sh registers them."
            : $"   Registered contacts for {registered} of {units.All.Count} units; result mails go only to them (and the ST copy)");

        await stdout.WriteLineAsync($"1. Templates for {units.All.Count} units, {period} → {Path.Combine(outDir, "templates")}");
        foreach (var unit in units.All)
        {
            var bytes = templates.Write(unit, period, unit.Language);
            await File.WriteAllBytesAsync(Path.Combine(outDir, "templates", TemplateTexts.FileName(unit, period, unit.Language)), bytes, cancellationToken);
        }

        await stdout.WriteLineAsync($"2. Uploads: {plan.Count} files ingested as the blob trigger would");
        var outcomes = new List<object>();
        var table = new StringBuilder();
        var notes = new StringBuilder();
        foreach (var step in plan)
        {
            var content = step.Kind switch
            {
                DemoUpload.NotAWorkbook => Encoding.UTF8.GetBytes("unidad;actividad;ejecutado\nSV;1.1.1.2;50\n"),
                _ => filler.Fill(templates.Write(step.Unit, step.Period, step.Unit.Language), step.Unit, step.Period, step.Sample,
                    step.Kind == DemoUpload.Correction ? 1 : 0, step.FocalEmail),
            };
            var fileName = $"{step.Unit.Code}-{step.Period}{step.Suffix}.xlsx";
            await File.WriteAllBytesAsync(Path.Combine(outDir, "uploads", fileName), content, cancellationToken);
            var path = new UploadPath(step.Unit.Code, step.Period, fileName);
            var result = await submitter.SubmitAsync(path, new MemoryStream(content), $"demo:{step.Unit.Code}", cancellationToken);
            if (step.Kind == DemoUpload.RepeatedDelivery)
                result = await submitter.SubmitAsync(path, new MemoryStream(content), $"demo:{step.Unit.Code}", cancellationToken);

            table.AppendLine($"   {step.Unit.Code,-3} {step.Period} {step.Description,-38} {result.Outcome,-10} rows {result.Rows,3}  errors {result.Report.Errors.Count,2}  warnings {result.Report.Warnings.Count,2}");
            var recipients = contacts.For(step.Unit.Code);
            outcomes.Add(new { unit = step.Unit.Code, period = step.Period.ToString(), file = fileName, step = step.Description,
                outcome = result.Outcome.ToString(), rows = result.Rows, report = result.ReportBlob, errors = result.Report.Errors.Select(e => e.Code),
                warnings = result.Report.Warnings.Select(w => w.Code), mailedTo = recipients.To.Select(r => r.Address),
                copiedTo = recipients.Cc.Select(r => r.Address) });
            foreach (var warning in result.Report.Warnings.Where(w => w.Code == IngestionIssues.FocalEmailNotRegistered.Code))
                notes.AppendLine($"   {step.Unit.Code}: {warning.Message}");
        }
        await stdout.WriteAsync(table.ToString());
        await stdout.WriteAsync(notes.ToString());
        await File.WriteAllTextAsync(Path.Combine(outDir, "ingestion.json"),
            JsonSerializer.Serialize(outcomes, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);

        var workbookPath = Path.Combine(outDir, MergedWorkbookService.FileName(period));
        await using (var file = File.Create(workbookPath))
        {
            var summary = await workbooks.WriteAsync(period, file, cancellationToken)
                ?? throw new InvalidOperationException("The demo ingested no accepted sheet.");
            await stdout.WriteLineAsync($"3. Merged workbook → {workbookPath} ({summary.DataRows} data rows, {summary.UnitsReported} of {summary.UnitsExpected} units)");
        }

        var (progress, _) = await workbooks.CalculateAsync(period, cancellationToken);
        await stdout.WriteLineAsync($"   Units reported {progress.UnitsReported} of {progress.UnitsExpected}; regional ejecutado " +
            $"{Format(progress.Overall.MeanEjecutado)} % vs programado {Format(progress.Overall.MeanProgramado)} % " +
            $"(execution {Format(progress.Overall.Execution)} %)");

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

    private static string Format(double? value) => value is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
