using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Mail;

/// <summary>
/// Stands in for SendGrid when no API key is configured (local runs, the demo): writes each message to the
/// <c>outbox</c> container as <c>{yyyy-MM-dd}/{MessageKey}/</c> message.json, body.html, body.txt and
/// <c>attachments/…</c>, and mirrors the same files under <see cref="MailOptions.OutboxDirectory"/> when set.
/// The same key on the same day rewrites the same paths, so re-sending never duplicates.
/// </summary>
public sealed class OutboxMailSender(
    BlobServiceClient blobs,
    StorageLayout layout,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<OutboxMailSender> logger) : IMailSender
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Readable Spanish (á, ñ) in the file people open; this JSON is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<MailDelivery> SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        mail.EnsureValid();
        var settings = options.Value;
        var now = time.GetUtcNow();
        var folder = $"{now:yyyy-MM-dd}/{mail.MessageKey}";
        var files = Files(mail, settings, now);

        var container = blobs.GetBlobContainerClient(layout.Outbox);
        await WriteBlobsAsync(container, folder, files, ct);

        string? directory = null;
        if (!string.IsNullOrWhiteSpace(settings.OutboxDirectory))
            directory = await WriteDirectoryAsync(Path.Combine(settings.OutboxDirectory, now.ToString("yyyy-MM-dd"), mail.MessageKey), files, ct);

        logger.LogInformation("Wrote mail {MessageKey} for {Recipients} recipient(s) to outbox {Folder} ({Directory})",
            mail.MessageKey, mail.To.Count, $"{layout.Outbox}/{folder}/", directory ?? "no local copy");
        return new MailDelivery(MailOutcome.WrittenToOutbox, mail.MessageKey, 1,
            OutboxBlobPrefix: folder + "/", OutboxDirectory: directory);
    }

    private static List<OutboxFile> Files(OutgoingMail mail, MailOptions settings, DateTimeOffset now)
    {
        var envelope = new
        {
            mail.MessageKey,
            mail.Category,
            WrittenUtc = now,
            From = new MailRecipient(settings.FromAddress, settings.FromName),
            mail.To,
            mail.Cc,
            mail.Subject,
            Bodies = new { Html = "body.html", Text = "body.txt" },
            Attachments = mail.Attachments.Select(a => new
            {
                a.FileName,
                a.ContentType,
                Bytes = a.Content.Length,
                Path = AttachmentPath(a),
            }),
        };
        var files = new List<OutboxFile>
        {
            new("message.json", "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(envelope, Json)),
            new("body.html", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(mail.HtmlBody)),
            new("body.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(mail.TextBody)),
        };
        files.AddRange(mail.Attachments.Select(a => new OutboxFile(AttachmentPath(a), a.ContentType, a.Content)));
        return files;
    }

    // A subfolder, so an attachment can never overwrite message.json or a body.
    private static string AttachmentPath(MailAttachment attachment) => "attachments/" + attachment.FileName;

    private static async Task WriteBlobsAsync(BlobContainerClient container, string folder, List<OutboxFile> files, CancellationToken ct)
    {
        try
        {
            await WriteAndPruneAsync(container, folder, files, ct);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // Infra creates the container in Azure; Azurite starts empty.
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            await WriteAndPruneAsync(container, folder, files, ct);
        }
    }

    /// <summary>
    /// Writes the files and lists the folder together (the files are independent, and the listing only looks for names
    /// outside this message), then removes what a previous send with more attachments left behind.
    /// </summary>
    private static async Task WriteAndPruneAsync(BlobContainerClient container, string folder, List<OutboxFile> files, CancellationToken ct)
    {
        var writes = files.Select(file => container.GetBlobClient($"{folder}/{file.RelativePath}").UploadAsync(
            BinaryData.FromBytes(file.Content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType } }, ct));
        var keep = files.Select(f => $"{folder}/{f.RelativePath}").ToHashSet(StringComparer.Ordinal);
        var listing = StaleAsync(container, folder, keep, ct);
        await Task.WhenAll([.. writes, listing]);

        foreach (var stale in await listing)
            await container.DeleteBlobIfExistsAsync(stale, cancellationToken: ct);
    }

    private static async Task<List<string>> StaleAsync(BlobContainerClient container, string folder, HashSet<string> keep, CancellationToken ct)
    {
        var stale = new List<string>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = folder + "/" }, ct))
            if (!keep.Contains(item.Name)) stale.Add(item.Name);
        return stale;
    }

    private static async Task<string> WriteDirectoryAsync(string directory, List<OutboxFile> files, CancellationToken ct)
    {
        var full = Path.GetFullPath(directory);
        if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        foreach (var file in files)
        {
            var path = Path.Combine(full, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, file.Content, ct);
        }
        return full;
    }

    private sealed record OutboxFile(string RelativePath, string ContentType, byte[] Content);
}
