using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Operations;

/// <summary>
/// An ingestion killed after it claimed the unit's result mail, delivered again at once through the CLI: merged, and
/// "retry later" with its own exit code and JSON — not a stack trace and exit 134.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class RetryLaterCliTests(AzuriteFixture azurite) : IDisposable
{
    private const string Period = "2021-Q3";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("retry-later-cli");

    public void Dispose() => _dir.Delete(recursive: true);

    private async Task<(int Code, string Out, string Err)> Run(TestStorage storage, params string[] args)
    {
        var settings = storage.Settings();
        settings["Contacts:Units:GT"] = FilledSheet.FocalEmailOf("GT");
        settings["Mail:OutboxDirectory"] = Path.Combine(_dir.FullName, "outbox");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // A rival's live claim is waited for 30 s in production; a second here.
        var code = await CliApp.RunAsync(args, stdout, stderr, settings,
            s => s.AddSingleton(SendClaimTimings.Default with { Wait = TimeSpan.FromSeconds(1), Poll = TimeSpan.FromMilliseconds(50) }));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Ingest_of_a_sheet_whose_result_mail_another_run_holds_exits_6_with_retry_later_and_the_lapse_time()
    {
        var storage = new TestStorage(azurite);
        var bytes = FilledSheet.Complete("GT", Period).Build();
        var file = Path.Combine(_dir.FullName, "informe.xlsx");
        await File.WriteAllBytesAsync(file, bytes);
        var partition = TableKeys.Partition(ReportingPeriod.Parse(Period), "GT");
        // The first run merged and claimed the mail, then was killed before sending: its merge, then its claim.
        using (var first = new IngestionHost(storage, Path.Combine(_dir.FullName, "first")))
        {
            var blob = await first.UploadAsync($"GT/{Period}/informe.xlsx", bytes);
            await first.Ingestor.MergeAsync(blob, default);
        }
        var claimedAt = DateTimeOffset.UtcNow;
        await storage.Submissions().TryClaimNoticeAsync(partition, Sha256(bytes), "killed-run", claimedAt, SendClaimTimings.Default.Lease, default, "Accepted");

        var (code, stdout, stderr) = await Run(storage, "ingest", file, "--unit", "GT", "--period", Period, "--json");
        var (plainCode, plain, _) = await Run(storage, "ingest", file, "--unit", "GT", "--period", Period);

        Assert.Equal(ExitCodes.RetryLater, code);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("Duplicate", json.RootElement.GetProperty("outcome").GetString());
        var mail = json.RootElement.GetProperty("mail");
        Assert.Equal("retry later", mail.GetProperty("outcome").GetString());
        Assert.Equal(SubmissionResultMail.MessageKey("GT", ReportingPeriod.Parse(Period), Sha256(bytes)), mail.GetProperty("messageKey").GetString());
        var lapsesAt = mail.GetProperty("lapsesAt").GetDateTimeOffset();
        Assert.InRange(lapsesAt - claimedAt, SendClaimTimings.Default.Lease - TimeSpan.FromSeconds(1), SendClaimTimings.Default.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(ExitCodes.RetryLater, plainCode);
        Assert.Contains("retry later: the result mail", plain, StringComparison.Ordinal);
        Assert.Null((await storage.Submissions().GetAsync(partition, Sha256(bytes), default))!.NotifiedAt);
    }

    [Fact]
    public async Task Ingest_that_mails_at_once_has_no_mail_object_and_exits_0()
    {
        var storage = new TestStorage(azurite);
        var file = Path.Combine(_dir.FullName, "informe.xlsx");
        await File.WriteAllBytesAsync(file, FilledSheet.Complete("GT", Period).Build());

        var (code, stdout, _) = await Run(storage, "ingest", file, "--unit", "GT", "--period", Period, "--json");

        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("mail").ValueKind);
    }
}
