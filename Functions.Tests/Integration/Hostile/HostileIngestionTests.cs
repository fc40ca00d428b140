using System.Text.Json;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Hostile;

/// <summary>What the focal point gets when a hostile upload is ingested: a verdict, the report, a mail — never a fault.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class HostileIngestionTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _outbox = Directory.CreateTempSubdirectory("hostile-outbox").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    [Fact]
    public async Task A_workbook_too_large_to_annotate_gets_its_verdict_its_report_and_a_mail_saying_why_there_is_no_copy()
    {
        using var host = new IngestionHost(new TestStorage(azurite), _outbox);
        var bytes = HostileCases.Bytes(HostileCases.Named("2.5 M trivial cells in the instructions sheet"));

        var result = await host.IngestAsync(await host.UploadAsync($"GT/{HostileCases.Period}/informe.xlsx", bytes));

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        using (var report = await ReportJsonAsync(host, "GT", HostileCases.Period, "informe.xlsx"))
        {
            var warning = Assert.Single(report.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "ANNOTATED_COPY_SKIPPED");
            Assert.Contains("solo se anotan libros de hasta 32 MB", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(await host.BlobsAsync(l => l.Reports), name => name.EndsWith(".annotated.xlsx", StringComparison.Ordinal));
        var history = Assert.Single(await HistoryAsync(host, HostileCases.Period));
        Assert.Equal(Core.Storage.SubmissionStatus.Rejected, history.StatusValue);
        Assert.Equal(result.Report.Warnings.Count, history.WarningCount);
        var mail = Assert.Single(host.MailFolders("GT", ReportingPeriod.Parse(HostileCases.Period)));
        using var message = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(mail, "message.json")));
        Assert.Contains("no se generó la copia revisada del libro", await File.ReadAllTextAsync(Path.Combine(mail, "body.txt")), StringComparison.Ordinal);
        Assert.Equal(0, message.RootElement.GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task Nesting_that_would_overflow_a_recursive_parser_is_rejected_with_a_report_and_a_history_entry()
    {
        using var host = new IngestionHost(new TestStorage(azurite), _outbox);
        var bytes = HostileCases.Bytes(HostileCases.Named("100,000 nested elements in a report sheet cell"));
        Assert.True(bytes.Length < 16 * 1024, $"{bytes.Length} bytes");

        var result = await host.IngestAsync(await host.UploadAsync($"GT/{HostileCases.Period}/informe.xlsx", bytes));

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        Assert.Equal("XML_TOO_DEEP", result.Report.Errors[0].Code);
        Assert.Equal(Core.Storage.SubmissionStatus.Rejected, Assert.Single(await HistoryAsync(host, HostileCases.Period)).StatusValue);
        using var report = await ReportJsonAsync(host, "GT", HostileCases.Period, "informe.xlsx");
        Assert.Equal("XML_TOO_DEEP", report.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
