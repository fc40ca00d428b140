using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Mail;

/// <summary>
/// The outbox writes to the shared <c>outbox</c> container (its name is fixed by infra), so each test isolates itself
/// by a unique MessageKey.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class OutboxMailSenderTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("outbox-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Writes_message_json_bodies_and_attachments_as_blobs_and_files()
    {
        using var host = OutboxHost();
        var key = AzuriteFixture.UniqueName("digest-");
        var report = new MailAttachment("errores-validación.csv", "text/csv", Encoding.UTF8.GetBytes("celda;error\nB7;vacía\n"));
        var mail = SampleMail.Create(key, new MailAttachment("avance.xlsx", "application/octet-stream", SampleMail.WorkbookBytes), report);

        var delivery = await host.Sender.SendAsync(mail, CancellationToken.None);

        Assert.Equal(MailOutcome.WrittenToOutbox, delivery.Outcome);
        Assert.Equal($"2024-04-15/{key}/", delivery.OutboxBlobPrefix);
        var container = azurite.Blobs().GetBlobContainerClient(StorageNames.OutboxContainer);
        Assert.Equal(
            ["attachments/avance.xlsx", "attachments/errores-validación.csv", "body.html", "body.txt", "message.json"],
            await ListAsync(container, delivery.OutboxBlobPrefix!));

        var messageBlob = (await container.GetBlobClient(delivery.OutboxBlobPrefix + "message.json").DownloadContentAsync()).Value;
        Assert.Equal("application/json; charset=utf-8", messageBlob.Details.ContentType);
        using var message = JsonDocument.Parse(messageBlob.Content.ToString());
        Assert.Equal(key, message.RootElement.GetProperty("messageKey").GetString());
        Assert.Equal(mail.Subject, message.RootElement.GetProperty("subject").GetString());
        Assert.Equal(["presidencia@coalicion.example", "st@coalicion.example"],
            message.RootElement.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString()));
        Assert.Equal("no-reply@coalicion.example", message.RootElement.GetProperty("from").GetProperty("address").GetString());
        Assert.Equal(SampleMail.WorkbookBytes.Length, message.RootElement.GetProperty("attachments")[0].GetProperty("bytes").GetInt32());

        Assert.Equal(mail.HtmlBody, (await container.GetBlobClient(delivery.OutboxBlobPrefix + "body.html").DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(mail.TextBody, (await container.GetBlobClient(delivery.OutboxBlobPrefix + "body.txt").DownloadContentAsync()).Value.Content.ToString());
        var csv = (await container.GetBlobClient(delivery.OutboxBlobPrefix + "attachments/errores-validación.csv").DownloadContentAsync()).Value;
        Assert.Equal("text/csv", csv.Details.ContentType);
        Assert.Equal(report.Content, csv.Content.ToArray());

        Assert.Equal(Path.Combine(_directory, "2024-04-15", key), delivery.OutboxDirectory);
        Assert.Equal(mail.HtmlBody, await File.ReadAllTextAsync(Path.Combine(delivery.OutboxDirectory!, "body.html")));
        Assert.Equal(mail.TextBody, await File.ReadAllTextAsync(Path.Combine(delivery.OutboxDirectory!, "body.txt")));
        Assert.Equal(SampleMail.WorkbookBytes, await File.ReadAllBytesAsync(Path.Combine(delivery.OutboxDirectory!, "attachments", "avance.xlsx")));
        Assert.Equal(messageBlob.Content.ToArray(), await File.ReadAllBytesAsync(Path.Combine(delivery.OutboxDirectory!, "message.json")));
    }

    [Fact]
    public async Task Resending_the_same_MessageKey_overwrites_instead_of_duplicating()
    {
        using var host = OutboxHost();
        var key = AzuriteFixture.UniqueName("result-");
        var first = SampleMail.Create(key,
            new MailAttachment("a.xlsx", "application/octet-stream", [1, 2, 3]),
            new MailAttachment("b.csv", "text/csv", [4, 5]));
        var second = SampleMail.Create(key, new MailAttachment("a.xlsx", "application/octet-stream", [9, 9]));

        await host.Sender.SendAsync(first, CancellationToken.None);
        var delivery = await host.Sender.SendAsync(second, CancellationToken.None);

        var container = azurite.Blobs().GetBlobContainerClient(StorageNames.OutboxContainer);
        Assert.Equal(["attachments/a.xlsx", "body.html", "body.txt", "message.json"], await ListAsync(container, delivery.OutboxBlobPrefix!));
        Assert.Equal([9, 9], (await container.GetBlobClient(delivery.OutboxBlobPrefix + "attachments/a.xlsx").DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(["attachments/a.xlsx", "body.html", "body.txt", "message.json"],
            Directory.EnumerateFiles(delivery.OutboxDirectory!, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(delivery.OutboxDirectory!, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Single(Directory.EnumerateDirectories(Path.Combine(_directory, "2024-04-15")), d => d.EndsWith(key));
    }

    [Fact]
    public async Task Refuses_a_MessageKey_that_would_escape_its_folder()
    {
        using var host = OutboxHost();
        var mail = SampleMail.Create("../../etc");

        await Assert.ThrowsAsync<ArgumentException>(() => host.Sender.SendAsync(mail, CancellationToken.None));
    }

    private MailTestHost OutboxHost() => MailTestHost.Create(
        ("PlanStorage", azurite.ConnectionString),
        ("Mail:FromAddress", "no-reply@coalicion.example"),
        ("Mail:OutboxDirectory", _directory));

    private static async Task<List<string>> ListAsync(BlobContainerClient container, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
            names.Add(blob.Name[prefix.Length..]);
        return names.Order(StringComparer.Ordinal).ToList();
    }
}
