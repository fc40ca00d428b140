using Azure.Storage.Blobs.Models;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Ingestion;

/// <summary>
/// Nothing a sheet (or its uploader) contains can make a storage write fail: the worst case of every text that reaches
/// a table or blob metadata, written to Azurite through the real ingestion.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class StorageBoundsTests(AzuriteFixture azurite) : IDisposable
{
    private const string Period = "2021-Q3";
    private readonly string _outbox = Directory.CreateTempSubdirectory("bounds-outbox").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    /// <summary>Astral (two UTF-16 units, four UTF-8 bytes), CJK (three bytes) and a combining accent: the costliest text.</summary>
    private static string Worst(int units, string prefix = "")
    {
        const string unit = "𝔄漢e\u0301"; // five UTF-16 units
        var text = prefix + string.Concat(Enumerable.Repeat(unit, units / unit.Length + 1));
        var cut = text[..units];
        return char.IsHighSurrogate(cut[^1]) ? cut[..^1] + "x" : cut;
    }

    [Fact]
    public async Task Every_text_at_its_limit_in_multibyte_and_astral_characters_is_stored_whole()
    {
        using var host = new IngestionHost(new TestStorage(azurite), _outbox);
        var name = Worst(MaxFocalNameLength);
        var email = new string('a', 64) + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 61);
        Assert.Equal(MaxFocalEmailLength, email.Length);
        var sheet = FilledSheet.Complete("GT", Period).Focal(name, email);
        var typed = sheet.TypicalRows().Select((r, i) => r with
        {
            Observaciones = Worst(MaxObservationsLength, $"{i}:"),
            Evidencia = Worst(MaxEvidenceLength, $"https://evidencia.example.org/{i}/"),
        }).ToList();
        foreach (var row in typed) sheet.Fill(row);
        var fileName = Worst(195, "informe-") + ".xlsx";
        var uploader = Worst(1000);

        var blob = await UploadAsync(host, $"GT/{Period}/{fileName}", sheet.Build(), uploader);
        var result = await host.IngestAsync(blob);

        Assert.True(result.Outcome == IngestionOutcome.Accepted, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
        Assert.Equal(typed, await CurrentAsync(host, "GT", Period));
        var history = Assert.Single(await HistoryAsync(host, Period));
        Assert.Equal(name, history.FocalPointName);
        Assert.Equal(email, history.FocalPointEmail);
        Assert.Equal(fileName, history.FileName);
        Assert.Equal(TableText.MaxUploaderChars, history.Uploader!.Length);
        Assert.StartsWith(uploader[..100], history.Uploader, StringComparison.Ordinal);
        Assert.EndsWith("…", history.Uploader, StringComparison.Ordinal);

        var archived = host.Container(l => l.Archive).GetBlobClient(ArchiveStore.BlobName(new UploadPath("GT", Core.Plan.ReportingPeriod.Parse(Period), fileName), result.SubmissionId!));
        var metadata = (await archived.GetPropertiesAsync()).Value.Metadata;
        Assert.Equal(history.Uploader, Uri.UnescapeDataString(metadata["uploader"]));
        Assert.Equal(fileName, Uri.UnescapeDataString(metadata["originalname"]));
        Assert.Equal(1, host.MailsWritten("GT"));
    }

    [Fact]
    public async Task A_40000_character_focal_point_name_is_rejected_with_a_history_entry_and_a_mail()
    {
        using var host = new IngestionHost(new TestStorage(azurite), _outbox);
        // Past Excel's 32,767 characters a cell: written into the XML as a script would.
        var bytes = ServerlessPlan.Bench.HostileWorkbooks.LongFocalName(FilledSheet.Complete("GT", Period).Build(), 40_000);

        var result = await host.IngestAsync(await host.UploadAsync($"GT/{Period}/informe.xlsx", bytes));

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        var tooLong = Assert.Single(result.Report.Errors);
        Assert.Equal("TEXT_TOO_LONG", tooLong.Code);
        Assert.Equal(FocalNameCell, tooLong.Cell);
        Assert.Contains("40000", tooLong.Message, StringComparison.Ordinal);
        var history = Assert.Single(await HistoryAsync(host, Period));
        Assert.Equal(SubmissionStatus.Rejected, history.StatusValue);
        Assert.Equal(MaxFocalNameLength, history.FocalPointName!.Length);
        Assert.StartsWith("María José María", history.FocalPointName, StringComparison.Ordinal);
        Assert.NotNull(history.NotifiedAt);
        Assert.Equal(1, host.MailsWritten("GT"));
        using var report = await ReportJsonAsync(host, "GT", Period, "informe.xlsx");
        Assert.Equal("TEXT_TOO_LONG", report.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    private static async Task<Azure.Storage.Blobs.BlobClient> UploadAsync(IngestionHost host, string name, byte[] content, string uploader)
    {
        var container = host.Container(l => l.Uploads);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["uploader"] = Uri.EscapeDataString(uploader) },
        });
        return blob;
    }
}
