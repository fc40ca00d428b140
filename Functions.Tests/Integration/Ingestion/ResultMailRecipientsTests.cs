using System.Text.Json;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Ingestion;

/// <summary>
/// Result mails reach only the contacts the coalition registered for the unit (with the ST in copy), whatever address
/// a sheet carries; the report says so when the sheet names someone else. Azurite and the outbox.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ResultMailRecipientsTests(AzuriteFixture azurite) : IDisposable
{
    private const string Period = "2021-Q3";
    private const string Intruder = "cualquiera@no-registrado.example.org";
    private readonly string _outbox = Directory.CreateTempSubdirectory("result-mail-outbox").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private IngestionHost Host(Dictionary<string, string?>? settings = null) => new(new TestStorage(azurite), _outbox, extraSettings: settings);

    private static (List<string> To, List<string> Cc, JsonElement Root) Envelope(string folder)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "message.json"))).RootElement;
        List<string> Addresses(string name) => [.. root.GetProperty(name).EnumerateArray().Select(r => r.GetProperty("address").GetString()!)];
        return (Addresses("to"), Addresses("cc"), root);
    }

    [Fact]
    public async Task A_sheet_naming_an_unregistered_address_is_accepted_with_a_warning_and_its_result_goes_only_to_the_registered_contacts()
    {
        using var host = Host();
        var sheet = FilledSheet.Complete("GT", Period).Focal(FilledSheet.FocalName, Intruder);

        var result = await host.IngestAsync(await host.UploadAsync($"GT/{Period}/informe.xlsx", sheet.Build()));

        Assert.Equal(IngestionOutcome.Accepted, result.Outcome);
        var warning = Assert.Single(result.Report.Warnings);
        Assert.Equal("FOCAL_EMAIL_NOT_REGISTERED", warning.Code);
        Assert.Equal(("Informe", "C6"), (warning.Sheet, warning.Cell));
        Assert.Equal($"Hoja «Informe», celda C6: Para que «{Intruder}» reciba los resultados, pida a la Secretaría Técnica que lo registre como contacto de GT: " +
            $"no lo está, así que el resultado se envió a los contactos registrados de la unidad ({FilledSheet.FocalEmailOf("GT")}) y a la Secretaría Técnica.", warning.Message);

        var (to, cc, root) = Envelope(Assert.Single(host.MailFolders("GT", ReportingPeriod.Parse(Period))));
        Assert.Equal([FilledSheet.FocalEmailOf("GT")], to);
        Assert.Equal([IngestionHost.SecretariatCopy], cc);
        Assert.DoesNotContain(Intruder, to.Concat(cc));
        // The warning travels in the mail, the stored report and the history, and the annotated copy goes to the contacts.
        Assert.Contains("FOCAL_EMAIL_NOT_REGISTERED", File.ReadAllText(Path.Combine(host.MailFolders("GT", ReportingPeriod.Parse(Period))[0], "body.txt")));
        Assert.Single(root.GetProperty("attachments").EnumerateArray());
        using var report = await ReportJsonAsync(host, "GT", Period, "informe.xlsx");
        Assert.Equal("FOCAL_EMAIL_NOT_REGISTERED", report.RootElement.GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.Contains("FOCAL_EMAIL_NOT_REGISTERED", Assert.Single(await HistoryAsync(host, Period)).IssuesJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_sheet_sends_its_annotated_copy_to_the_registered_contacts_and_never_to_the_address_it_names()
    {
        using var host = Host();
        var sheet = FilledSheet.Complete("BZ", Period).EjecutadoText("1.1.1.2", "fifty").Focal("Someone", Intruder);

        var result = await host.IngestAsync(await host.UploadAsync($"BZ/{Period}/report.xlsx", sheet.Build()));

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        var warning = Assert.Single(result.Report.Warnings, w => w.Code == "FOCAL_EMAIL_NOT_REGISTERED");
        Assert.Contains("the result was sent to the unit's registered contacts (punto.focal@bz.example.org) and the Technical Secretariat", warning.Message);
        var folder = Assert.Single(host.MailFolders("BZ", ReportingPeriod.Parse(Period)));
        var (to, cc, root) = Envelope(folder);
        Assert.Equal([FilledSheet.FocalEmailOf("BZ")], to);
        Assert.Equal([IngestionHost.SecretariatCopy], cc);
        Assert.Equal("BZ-2021-Q3-review.xlsx", Assert.Single(root.GetProperty("attachments").EnumerateArray()).GetProperty("fileName").GetString());
        var body = await File.ReadAllTextAsync(Path.Combine(folder, "body.txt"));
        Assert.Contains("This e-mail goes to the contacts registered for Belize, with a copy to the Technical Secretariat.", body);
    }

    [Fact]
    public async Task A_registered_address_written_in_other_case_is_no_warning()
    {
        using var host = Host();
        var sheet = FilledSheet.Complete("GT", Period).Focal(FilledSheet.FocalName, FilledSheet.FocalEmailOf("GT").ToUpperInvariant());

        var result = await host.IngestAsync(await host.UploadAsync($"GT/{Period}/informe.xlsx", sheet.Build()));

        Assert.Empty(result.Report.Warnings);
        Assert.Equal(1, host.MailsWritten("GT"));
    }

    [Fact]
    public async Task A_unit_without_registered_contacts_informs_the_ST_copy_only_and_logs_a_warning()
    {
        using var host = Host(new() { ["Contacts:Units:GT"] = "" });

        var result = await host.IngestAsync(await host.UploadAsync($"GT/{Period}/informe.xlsx", FilledSheet.Complete("GT", Period).Build()));

        Assert.Contains("la Secretaría Técnica (st@coalicion.example.org), porque la unidad no tiene contactos registrados",
            Assert.Single(result.Report.Warnings).Message);
        var folder = Assert.Single(host.MailFolders("GT", ReportingPeriod.Parse(Period)));
        var (to, cc, _) = Envelope(folder);
        Assert.Equal([IngestionHost.SecretariatCopy], to);
        Assert.Empty(cc);
        Assert.Contains("Guatemala no tiene contactos registrados: este correo se envía a la Secretaría Técnica.",
            await File.ReadAllTextAsync(Path.Combine(folder, "body.txt")));
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("No registered contact for GT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_no_contact_and_no_ST_copy_nothing_is_mailed_and_a_warning_is_logged()
    {
        using var host = Host(new() { ["Contacts:Units:GT"] = "", ["Contacts:SecretariatCopy"] = "" });

        var result = await host.IngestAsync(await host.UploadAsync($"GT/{Period}/informe.xlsx", FilledSheet.Complete("GT", Period).Build()));

        Assert.Equal(IngestionOutcome.Accepted, result.Outcome);
        Assert.Contains("nadie: la unidad no tiene contactos registrados", Assert.Single(result.Report.Warnings).Message);
        Assert.Equal(0, host.MailsWritten());
        Assert.Null(Assert.Single(await HistoryAsync(host, Period)).NotifiedAt);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Template?.Contains("no Contacts__SecretariatCopy", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_ST_registered_both_as_a_unit_contact_and_as_the_copy_is_addressed_once()
    {
        using var host = Host(new() { ["Contacts:Units:ST"] = $"{IngestionHost.SecretariatCopy}; {FilledSheet.FocalEmailOf("ST")}" });

        await host.IngestAsync(await host.UploadAsync($"ST/{Period}/informe.xlsx", FilledSheet.Complete("ST", Period).Build()));

        var (to, cc, _) = Envelope(Assert.Single(host.MailFolders("ST", ReportingPeriod.Parse(Period))));
        Assert.Equal([IngestionHost.SecretariatCopy, FilledSheet.FocalEmailOf("ST")], to);
        Assert.Empty(cc);
    }

    [Fact]
    public async Task Without_a_portal_the_mail_says_how_to_get_the_report_and_with_one_it_links_the_units_quarter()
    {
        using var without = Host();
        using var with = Host(new() { ["Portal:BaseUrl"] = "https://portal.example.org" });
        var bytes = FilledSheet.Complete("GT", Period).Build();

        await without.IngestAsync(await without.UploadAsync($"GT/{Period}/informe.xlsx", bytes));
        var plain = await File.ReadAllTextAsync(Path.Combine(Assert.Single(without.MailFolders("GT", ReportingPeriod.Parse(Period))), "body.txt"));
        Directory.Delete(_outbox, recursive: true);
        await with.IngestAsync(await with.UploadAsync($"GT/{Period}/informe.xlsx", bytes));
        var folder = Assert.Single(with.MailFolders("GT", ReportingPeriod.Parse(Period)));

        Assert.Contains("Si necesita el informe completo de la revisión, pídalo a la Secretaría Técnica.", plain);
        Assert.DoesNotContain("reports/", plain);
        Assert.Contains("están en el portal: https://portal.example.org/units/GT/2021-Q3", await File.ReadAllTextAsync(Path.Combine(folder, "body.txt")));
        var html = PortalPages.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "body.html")));
        Assert.Equal(["https://portal.example.org/units/GT/2021-Q3"], html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_mail_names_the_file_as_it_was_sent_inert_and_not_the_name_it_is_stored_under()
    {
        using var host = Host();
        // As the portal stores an upload: a stamped blob name, and the person's own name in metadata (SentNames).
        // A name with a "/" keeps only what follows it (a path's last segment), so the markup here has none.
        const string sent = "Informe GT <img src=x onerror=alert(1)> jul\u2013sep\u202E.xlsx";
        const string shown = "Informe GT <img src=x onerror=alert(1)> jul\u2013sep.xlsx";
        var container = host.Container(l => l.Uploads);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient($"GT/{Period}/20211020-090000-GT-Q3.xlsx");
        await blob.UploadAsync(new BinaryData(FilledSheet.Complete("GT", Period).Build()), new Azure.Storage.Blobs.Models.BlobUploadOptions
        {
            Metadata = new Dictionary<string, string>
            {
                ["uploader"] = Uri.EscapeDataString("punto focal@portal"),
                [Core.Storage.SentNames.MetadataKey] = Core.Storage.SentNames.ToMetadata(sent)!,
            },
        });

        Assert.Equal(IngestionOutcome.Accepted, (await host.IngestAsync(blob)).Outcome);

        var folder = Assert.Single(host.MailFolders("GT", ReportingPeriod.Parse(Period)));
        var plain = await File.ReadAllTextAsync(Path.Combine(folder, "body.txt"));
        var html = PortalPages.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "body.html")));
        var (_, _, root) = Envelope(folder);
        // The cleaned sent name (its bidi override dropped), as text in both bodies; the stamped name nowhere.
        Assert.Contains(shown, plain, StringComparison.Ordinal);
        Assert.Contains(shown, html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(html.QuerySelectorAll("img"));
        foreach (var text in new[] { plain, html.Body.TextContent, root.GetProperty("subject").GetString()! })
            Assert.DoesNotContain("20211020-090000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_composer_accepts_only_registered_recipients()
    {
        // Structural: the only way to address a result mail is RegisteredRecipients, which only RegisteredContacts builds.
        var compose = typeof(SubmissionResultMail).GetMethod(nameof(SubmissionResultMail.Compose))!;
        Assert.DoesNotContain(compose.GetParameters(), p => p.ParameterType == typeof(string) && p.Name!.Contains("recipient", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(compose.GetParameters(), p => p.ParameterType == typeof(Core.Mail.RegisteredRecipients));
        Assert.All(typeof(Core.Mail.RegisteredRecipients).GetConstructors(), c => Assert.False(c.IsPublic));
    }
}
