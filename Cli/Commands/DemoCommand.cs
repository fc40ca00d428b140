using System.Text;
using System.Text.Json;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>demo</c>: the whole pipeline on sample data, through the same services production uses — templates for every
/// unit, filled sheets uploaded and ingested (one with errors, one hostile file, one unit missing, a correction and a
/// repeated delivery), the merged workbook and the Presidency's digest — with everything written under <c>--out</c>.
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
    TimeProvider time) : ICliCommand
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

        await stdout.WriteLineAsync($"1. Templates for {units.All.Count} units, {period} → {Path.Combine(outDir, "templates")}");
        foreach (var unit in units.All)
        {
            var bytes = templates.Write(unit, period, unit.Language);
            await File.WriteAllBytesAsync(Path.Combine(outDir, "templates", TemplateTexts.FileName(unit, period, unit.Language)), bytes, cancellationToken);
        }

        await stdout.WriteLineAsync($"2. Uploads: {plan.Count} files ingested as the blob trigger would");
        var outcomes = new List<object>();
        var table = new StringBuilder();
        foreach (var step in plan)
        {
            var content = step.Kind switch
            {
                DemoUpload.NotAWorkbook => Encoding.UTF8.GetBytes("unidad;actividad;ejecutado\nSV;1.1.1.2;50\n"),
                _ => filler.Fill(templates.Write(step.Unit, step.Period, step.Unit.Language), step.Unit, step.Period, step.Sample,
                    step.Kind == DemoUpload.Correction ? 1 : 0),
            };
            var fileName = $"{step.Unit.Code}-{step.Period}{step.Suffix}.xlsx";
            await File.WriteAllBytesAsync(Path.Combine(outDir, "uploads", fileName), content, cancellationToken);
            var path = new UploadPath(step.Unit.Code, step.Period, fileName);
            var result = await submitter.SubmitAsync(path, new MemoryStream(content), $"demo:{step.Unit.Code}", cancellationToken);
            if (step.Kind == DemoUpload.RepeatedDelivery)
                result = await submitter.SubmitAsync(path, new MemoryStream(content), $"demo:{step.Unit.Code}", cancellationToken);

            table.AppendLine($"   {step.Unit.Code,-3} {step.Period} {step.Description,-38} {result.Outcome,-10} rows {result.Rows,3}  errors {result.Report.Errors.Count,2}  warnings {result.Report.Warnings.Count,2}");
            outcomes.Add(new { unit = step.Unit.Code, period = step.Period.ToString(), file = fileName, step = step.Description,
                outcome = result.Outcome.ToString(), rows = result.Rows, report = result.ReportBlob, errors = result.Report.Errors.Select(e => e.Code),
                warnings = result.Report.Warnings.Select(w => w.Code) });
        }
        await stdout.WriteAsync(table.ToString());
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
        var slot = schedule.SlotFor(time.GetUtcNow());
        var digest = await digests.SendScheduledAsync(slot, cancellationToken);
        var again = await digests.SendScheduledAsync(slot, cancellationToken);
        if (digest.Message is { } message)
            await File.WriteAllTextAsync(Path.Combine(outDir, $"digest-{digest.Period}.html"), message.HtmlBody, cancellationToken);
        await stdout.WriteLineAsync($"4. Digest for slot {slot:yyyy-MM-dd HH:mm} UTC: {digest.Outcome} ({digest.Message?.Subject}); " +
            $"the timer firing again for the same slot: {again.Outcome}");
        await stdout.WriteLineAsync($"   → {digest.Delivery?.OutboxDirectory ?? digest.Delivery?.ProviderMessageId}, and {Path.Combine(outDir, $"digest-{digest.Period}.html")}");
        return ExitCodes.Ok;
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
