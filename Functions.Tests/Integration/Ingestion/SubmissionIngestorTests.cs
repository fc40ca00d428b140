using System.Text.Json;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Ingestion;

/// <summary>
/// One upload through the whole ingestion against Azurite: what lands in Progress, Submissions, archive, reports and
/// the outbox, for accepted, rejected, misplaced and repeated uploads.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class SubmissionIngestorTests(AzuriteFixture azurite) : IDisposable
{
    private const string Period = "2021-Q3";
    private readonly string _outbox = Directory.CreateTempSubdirectory("ingest-outbox").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private IngestionHost Host() => new(new TestStorage(azurite), _outbox);

    [Fact]
    public async Task Accepted_upload_merges_exactly_the_typed_rows_archives_the_original_and_mails_the_focal_point()
    {
        using var host = Host();
        var sheet = FilledSheet.Complete("GT", Period).EjecutadoAsPercent("2.1.2.1", 0.4).EjecutadoText("2.1.2.2", "40 %");
        var bytes = sheet.Build();
        var sha = Sha256(bytes);

        var result = await host.IngestAsync(await host.UploadAsync($"GT/{Period}/informe.xlsx", bytes));

        Assert.Equal(IngestionOutcome.Accepted, result.Outcome);
        Assert.Equal(sha, result.SubmissionId);
        Assert.Equal(15, result.Rows);
        Assert.Empty(result.Report.Errors);
        Assert.Empty(result.Report.Warnings);

        // Progress: the 15 activities as typed, under the submission's id, visible through the pointer.
        Assert.Equal(sheet.TypicalRows(), await CurrentAsync(host, "GT", Period));
        // Stored as one page under the submission's id (ProgressPages): one transaction, not one entity per activity.
        var page = Assert.Single(await host.AllAsync(l => l.ProgressTable));
        Assert.Equal($"{Period}|GT", page.PartitionKey);
        Assert.Equal(ProgressPages.RowKey(sha, 0), page.RowKey);
        Assert.Equal(sha, page.GetString("SubmissionId"));
        Assert.Equal(2021, page.GetInt32("Year"));
        Assert.Equal(15, page.GetInt32("RowCount"));
        Assert.Equal(1, page.GetInt32("PageCount"));

        // History: one entity, current, pointing at the archive and the report, focal point told.
        var history = Assert.Single(await HistoryAsync(host, Period));
        Assert.Equal(SubmissionStatus.Current, history.StatusValue);
        Assert.Equal(sha, history.RowKey);
        Assert.Equal(15, history.RowCount);
        Assert.Equal($"{host.Storage.Layout.Uploads}/GT/{Period}/informe.xlsx", history.UploadBlob);
        Assert.Equal("punto focal@portal", history.Uploader);
        Assert.Equal(FilledSheet.FocalEmailOf("GT"), history.FocalPointEmail);
        Assert.NotNull(history.NotifiedAt);
        Assert.Equal(sha, (await host.Submissions.GetPointerAsync($"{Period}|GT", default))!.SubmissionId);

        // Archive: the very bytes, content-addressed.
        Assert.Equal($"{host.Storage.Layout.Archive}/GT/{Period}/{sha}.xlsx", result.ArchiveBlob);
        Assert.Equal(history.ArchiveBlob, result.ArchiveBlob);
        var archived = await host.Container(l => l.Archive).GetBlobClient($"GT/{Period}/{sha}.xlsx").DownloadContentAsync();
        Assert.Equal(bytes, archived.Value.Content.ToArray());

        // Report and mail.
        Assert.Equal($"{host.Storage.Layout.Reports}/GT/{Period}/informe.validation.json", result.ReportBlob);
        using (var report = await ReportJsonAsync(host, "GT", Period, "informe.xlsx"))
        {
            Assert.True(report.RootElement.GetProperty("accepted").GetBoolean());
            Assert.Equal("GT", report.RootElement.GetProperty("unit").GetString());
            Assert.Equal(0, report.RootElement.GetProperty("errors").GetArrayLength());
        }
        var mail = Assert.Single(host.MailFolders("GT", Core.Plan.ReportingPeriod.Parse(Period)));
        using var message = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(mail, "message.json")));
        Assert.Equal(FilledSheet.FocalEmailOf("GT"), message.RootElement.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Contains("informe aceptado", message.RootElement.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, host.MailsWritten());
    }

    public static TheoryData<string, string> HostileUploads() => new()
    {
        { "empty", "FILE_EMPTY" }, { "random", "NOT_A_WORKBOOK" }, { "csv", "NOT_A_WORKBOOK" }, { "html", "NOT_A_WORKBOOK" },
        { "password", "PASSWORD_PROTECTED" }, { "xls", "LEGACY_XLS" }, { "truncated", "TRUNCATED_PACKAGE" },
        { "corrupt-entry", "TRUNCATED_PACKAGE" }, { "bomb", "UNCOMPRESSED_TOO_LARGE" }, { "lying-bomb", "UNCOMPRESSED_TOO_LARGE" },
        { "too-many", "TOO_MANY_ENTRIES" }, { "macro", "MACRO_ENABLED" }, { "billion-laughs", "XML_DTD_FORBIDDEN" },
        { "word", "NOT_A_SPREADSHEET" }, { "plain-zip", "NOT_A_SPREADSHEET" },
        { "not-our-template", "TEMPLATE_NOT_RECOGNIZED" }, { "external-link", "EXTERNAL_LINKS_REFUSED" },
    };

    private static readonly Dictionary<string, Func<byte[]>> Hostile = new()
    {
        ["empty"] = HostileFiles.Empty, ["random"] = HostileFiles.RandomBytes, ["csv"] = HostileFiles.CsvRenamed,
        ["html"] = HostileFiles.HtmlRenamed, ["password"] = HostileFiles.PasswordProtected, ["xls"] = HostileFiles.LegacyXls,
        ["truncated"] = HostileFiles.TruncatedXlsx, ["corrupt-entry"] = HostileFiles.CorruptEntryXlsx, ["bomb"] = HostileFiles.ZipBomb,
        ["lying-bomb"] = HostileFiles.LyingZipBomb, ["too-many"] = () => HostileFiles.TooManyEntries(2_001),
        ["macro"] = HostileFiles.MacroEnabled, ["billion-laughs"] = HostileFiles.BillionLaughs, ["word"] = HostileFiles.WordDocument,
        ["plain-zip"] = HostileFiles.PlainZip, ["not-our-template"] = HostileFiles.ValidXlsx,
        ["external-link"] = HostileFiles.WithExternalLink,
    };

    [Theory]
    [MemberData(nameof(HostileUploads))]
    public async Task Hostile_or_foreign_upload_is_rejected_with_its_code_and_nothing_merged(string file, string code)
    {
        using var host = Host();
        var bytes = Hostile[file]();
        var readable = file is "not-our-template"; // passes the guard: a workbook, just not ours

        var result = await host.IngestAsync(await host.UploadAsync($"GT/{Period}/{file}.xlsx", bytes));

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        Assert.Equal(code, Assert.Single(result.Report.Errors).Code);
        Assert.Equal(0, result.Rows);
        Assert.Empty(await host.AllAsync(l => l.ProgressTable));
        Assert.Null(await host.Submissions.GetPointerAsync($"{Period}|GT", default));
        var history = Assert.Single(await HistoryAsync(host, Period));
        Assert.Equal(SubmissionStatus.Rejected, history.StatusValue);

        var original = await host.Container(l => l.Uploads).GetBlobClient($"GT/{Period}/{file}.xlsx").DownloadContentAsync();
        Assert.Equal(bytes, original.Value.Content.ToArray());
        Assert.Equal(readable ? [$"GT/{Period}/{Sha256(bytes)}.xlsx"] : [], await host.BlobsAsync(l => l.Archive));

        using var report = await ReportJsonAsync(host, "GT", Period, $"{file}.xlsx");
        Assert.False(report.RootElement.GetProperty("accepted").GetBoolean());
        Assert.Equal(code, report.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        // The unit is told at its registered contacts, even though the sheet (and its e-mail) could not be read.
        var mail = Assert.Single(host.MailFolders("GT", Core.Plan.ReportingPeriod.Parse(Period)));
        using var message = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(mail, "message.json")));
        Assert.Equal(FilledSheet.FocalEmailOf("GT"), message.RootElement.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Contains("informe rechazado", message.RootElement.GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_rejected_unread_and_kept_only_in_uploads()
    {
        using var host = new IngestionHost(new TestStorage(azurite), _outbox,
            extraSettings: new Dictionary<string, string?> { ["Ingestion:MaxUploadBytes"] = "4096" });
        var bytes = FilledSheet.Complete("GT", Period).Build();

        var result = await host.IngestAsync(await host.UploadAsync($"GT/{Period}/informe.xlsx", bytes));

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        Assert.Equal("FILE_TOO_LARGE", Assert.Single(result.Report.Errors).Code);
        Assert.StartsWith("unread-", result.SubmissionId, StringComparison.Ordinal); // never fully read, so no hash
        Assert.Null(result.ArchiveBlob);
        Assert.Empty(await host.BlobsAsync(l => l.Archive));
        Assert.Empty(await host.AllAsync(l => l.ProgressTable));
        Assert.Equal(SubmissionStatus.Rejected, Assert.Single(await HistoryAsync(host, Period)).StatusValue);
    }

    [Fact]
    public async Task Another_units_template_in_a_units_folder_is_UNIT_MISMATCH_and_nothing_is_merged()
    {
        using var host = Host();
        var bytes = FilledSheet.Complete("GT", Period).Build();

        var result = await host.IngestAsync(await host.UploadAsync($"CR/{Period}/informe.xlsx", bytes));

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal("UNIT_MISMATCH", error.Code);
        Assert.Contains("carpeta de «CR»", error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.AllAsync(l => l.ProgressTable));
        Assert.Null(await host.Submissions.GetPointerAsync($"{Period}|CR", default));
        Assert.Null(await host.Submissions.GetPointerAsync($"{Period}|GT", default));
        Assert.Equal(SubmissionStatus.Rejected, Assert.Single(await HistoryAsync(host, Period)).StatusValue);
        using var report = await ReportJsonAsync(host, "CR", Period, "informe.xlsx");
        Assert.Equal("UNIT_MISMATCH", report.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("informe.xlsx")]
    [InlineData("GT/informe.xlsx")]
    [InlineData("GT/2021-Q5/informe.xlsx")]
    [InlineData("GT/2021-3/informe.xlsx")]
    [InlineData("GT/2021-Q3/borradores/informe.xlsx")]
    [InlineData("Guatemala!/2021-Q3/informe.xlsx")]
    public async Task An_upload_outside_unit_period_file_is_UPLOAD_PATH_INVALID_and_nothing_is_written(string name)
    {
        using var host = Host();

        var result = await host.IngestAsync(await host.UploadAsync(name, FilledSheet.Complete("GT", Period).Build()));

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal("UPLOAD_PATH_INVALID", error.Code);
        Assert.Contains($"«{name}»", error.Message, StringComparison.Ordinal);
        Assert.Null(result.SubmissionId);
        Assert.Null(result.ReportBlob);
        Assert.Empty(await host.AllAsync(l => l.ProgressTable));
        Assert.Empty(await host.AllAsync(l => l.SubmissionsTable));
        Assert.Empty(await host.BlobsAsync(l => l.Archive));
        Assert.Empty(await host.BlobsAsync(l => l.Reports));
        Assert.Equal(0, host.MailsWritten());
    }

    [Fact]
    public async Task The_same_blob_delivered_twice_is_merged_once_and_mailed_once()
    {
        using var host = Host();
        var blob = await host.UploadAsync($"GT/{Period}/informe.xlsx", FilledSheet.Complete("GT", Period).Build());
        var first = await host.IngestAsync(blob);
        var rowsBefore = await host.AllAsync(l => l.ProgressTable);

        var second = await host.IngestAsync(blob);

        Assert.Equal(IngestionOutcome.Accepted, first.Outcome);
        Assert.Equal(IngestionOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.SubmissionId, second.SubmissionId);
        Assert.Equal(15, second.Rows);
        Assert.Single(await HistoryAsync(host, Period));
        var rowsAfter = await host.AllAsync(l => l.ProgressTable);
        Assert.Equal(rowsBefore.Select(r => (r.RowKey, r.ETag)), rowsAfter.Select(r => (r.RowKey, r.ETag))); // not even rewritten
        Assert.Equal(1, host.MailsWritten());
    }

    [Fact]
    public async Task A_rejected_upload_delivered_twice_is_mailed_once()
    {
        using var host = Host();
        var blob = await host.UploadAsync($"GT/{Period}/informe.xlsx", FilledSheet.Complete("GT", Period).EjecutadoText("1.1.1.2", "mucho").Build());

        var first = await host.IngestAsync(blob);
        var second = await host.IngestAsync(blob);

        Assert.Equal(IngestionOutcome.Rejected, first.Outcome);
        Assert.Equal(IngestionOutcome.Rejected, second.Outcome);
        var history = Assert.Single(await HistoryAsync(host, Period));
        Assert.NotNull(history.NotifiedAt);
        Assert.Equal(1, host.MailsWritten());
    }

    [Fact]
    public async Task A_lower_ejecutado_than_last_quarter_is_accepted_with_EJECUTADO_DECREASED()
    {
        using var host = Host();
        const string code = "1.1.1.3"; // 90 % programado in 2021
        var q2 = await host.IngestAsync(await host.UploadAsync("GT/2021-Q2/informe.xlsx", FilledSheet.Complete("GT", "2021-Q2").Build()));
        var lower = FilledSheet.Complete("GT", Period).Ejecutado(code, 70).Status(code, ActivityStatus.InProgress);

        var q3 = await host.IngestAsync(await host.UploadAsync($"GT/{Period}/informe.xlsx", lower.Build()));

        Assert.Equal(IngestionOutcome.Accepted, q2.Outcome);
        Assert.Equal(IngestionOutcome.Accepted, q3.Outcome);
        var warning = Assert.Single(q3.Report.Warnings);
        Assert.Equal("EJECUTADO_DECREASED", warning.Code);
        Assert.Equal(lower.Cell(code, TemplateLayout.EjecutadoColumn), warning.Cell);
        Assert.Contains("es menos que lo informado en el 2.º trimestre de 2021 (90 %)", warning.Message, StringComparison.Ordinal);
        Assert.Equal(70m, (await CurrentAsync(host, "GT", Period)).Single(r => r.Code == code).Ejecutado);
        Assert.Equal(90m, (await CurrentAsync(host, "GT", "2021-Q2")).Single(r => r.Code == code).Ejecutado);

        // The focal point gets the warning by mail and an annotated copy beside the report.
        var current = (await HistoryAsync(host, Period)).Single(h => h.StatusValue == SubmissionStatus.Current);
        Assert.Equal(1, current.WarningCount);
        Assert.Contains("EJECUTADO_DECREASED", current.IssuesJson, StringComparison.Ordinal);
        Assert.Contains($"GT/{Period}/informe.annotated.xlsx", await host.BlobsAsync(l => l.Reports));
        Assert.Equal(2, host.MailsWritten("GT"));
    }

    [Fact]
    public async Task A_clean_upload_under_the_same_name_replaces_the_verdict_and_removes_the_old_annotated_copy()
    {
        using var host = Host();
        const string code = "1.1.1.3";
        var warned = FilledSheet.Complete("GT", Period).Ejecutado(code, 100).Status(code, ActivityStatus.InProgress);
        var firstBlob = await host.UploadAsync($"GT/{Period}/informe.xlsx", warned.Build());
        var first = await host.IngestAsync(firstBlob);
        Assert.NotEmpty(first.Report.Warnings);
        Assert.Contains($"GT/{Period}/informe.annotated.xlsx", await host.BlobsAsync(l => l.Reports));

        // Uploaded later than the first (upload times have one-second resolution), so it is the newer one.
        var second = await host.IngestAsync(await host.UploadAfterAsync(firstBlob, $"GT/{Period}/informe.xlsx", FilledSheet.Complete("GT", Period).Build()));

        Assert.Equal(IngestionOutcome.Accepted, second.Outcome);
        Assert.Empty(second.Report.Warnings);
        Assert.DoesNotContain($"GT/{Period}/informe.annotated.xlsx", await host.BlobsAsync(l => l.Reports));
        var json = await host.Storage.Blobs.GetBlobContainerClient(host.Storage.Layout.Reports)
            .GetBlobClient($"GT/{Period}/informe.validation.json").DownloadContentAsync();
        using var report = JsonDocument.Parse(json.Value.Content.ToString());
        Assert.Equal(0, report.RootElement.GetProperty("warnings").GetArrayLength());
    }
}
