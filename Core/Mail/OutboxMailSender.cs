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
        foreach (var file in files)
        {
            var blob = container.GetBlobClient($"{folder}/{file.RelativePath}");
            var upload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType } };
            try
            {
                await blob.UploadAsync(BinaryData.FromBytes(file.Content), upload, ct);
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                // Infra creates the container in Azure; Azurite starts empty.
                await container.CreateIfNotExistsAsync(cancellationToken: ct);
                await blob.UploadAsync(BinaryData.FromBytes(file.Content), upload, ct);
            }
        }

        // A re-send with fewer attachments must not leave the old ones looking like part of the message.
        var keep = files.Select(f => $"{folder}/{f.RelativePath}").ToHashSet(StringComparer.Ordinal);
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = folder + "/" }, ct))
            if (!keep.Contains(item.Name))
                await container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: ct);
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
