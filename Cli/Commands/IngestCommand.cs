using System.Text.Json;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>ingest</c>: uploads a sheet to <c>uploads/{unit}/{period}/{file}</c> and runs the same ingestion the trigger
/// runs. Exit 0 when accepted (or a duplicate / superseded), 1 rejected, 2 usage or I/O error, 6 when the result
/// mail is left to a later run ("retry later").
/// </summary>
public sealed class IngestCommand(UploadSubmitter submitter, ReportingUnits units, CliPlans plans) : ICliCommand
{
    public string Name => "ingest";

    public string Usage => "ingest FILE --unit GT --period 2021-Q3 [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "json");
        var json = arguments.Switch("json");
        var expectation = UploadArguments.Expectation(arguments, unitRequired: true);
        arguments.RejectUnknown(maxPositionals: 1);
        var file = UploadArguments.File(arguments);
        RequestArguments.Unit(units, expectation.UnitCode!);
        await plans.InForceAsync(cancellationToken);

        var upload = new UploadPath(expectation.UnitCode!, expectation.Period!.Value, Path.GetFileName(file));
        IngestionResult result;
        await using (var content = File.OpenRead(file))
            result = await submitter.SubmitAsync(upload, content, $"cli:{Environment.UserName}", cancellationToken);

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new
            {
                outcome = result.Outcome.ToString(),
                submissionId = result.SubmissionId,
                rows = result.Rows,
                archive = result.ArchiveBlob,
                reportBlob = result.ReportBlob,
                mail = IngestionJson.Mail(result),
                report = result.Report,
            }, ValidationReport.JsonOptions));
        }
        else
        {
            await ReportPrinter.PrintAsync(stdout, result.Report, json: false,
                $"{result.Outcome}: {submitter.BlobPath(upload)} → {result.Rows} rows (submission {result.SubmissionId?[..Math.Min(12, result.SubmissionId.Length)]}), report {result.ReportBlob}");
        }
        if (!json && result.MailPending is { } pending)
        {
            await stdout.WriteLineAsync(IngestionJson.RetryLaterLine(pending));
        }
        return IngestionJson.ExitCode(result);
    }
}
