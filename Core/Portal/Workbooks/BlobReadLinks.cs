using System.Net.Http.Headers;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// Short-lived, read-only links to one stored blob, so a browser downloads a stored file straight from storage instead
/// of through the app (<c>Portal__WorkbookRedirect</c>). In Azure (managed identity, shared keys off) a user-delegation
/// SAS signed with the instance's <see cref="UserDelegationKeys"/>; with a shared-key connection (Azurite, local runs)
/// a service SAS. Each link reads one blob, for <see cref="Lifetime"/>, and tells the browser to save it under the
/// file name and content type the app would have sent. When no link can be made, or the setting is off, callers
/// stream the file as before; the reason is logged once per instance.
/// </summary>
public sealed class BlobReadLinks(
    BlobServiceClient blobs, UserDelegationKeys keys, IOptions<PortalOptions> options, ILogger<BlobReadLinks> logger)
{
    /// <summary>How long a link reads its blob: time to follow a redirect, not to pass the link around.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>After a refused user delegation key, how long downloads stream before a key is asked for again.</summary>
    private static readonly TimeSpan RetryAfterRefusal = TimeSpan.FromMinutes(5);

    // Storage checks the link's expiry against real time, not against the reporting calendar's clock.
    private static readonly TimeProvider Clock = TimeProvider.System;

    private int _fallbackLogged;
    private long _retryKeyAtTicks;

    /// <summary>A signer for this request's links; null when downloads stream through the app (setting off, or no link can be made now).</summary>
    public async Task<BlobReadSigner?> SignerAsync(CancellationToken ct)
    {
        if (!options.Value.WorkbookRedirect)
        {
            LogFallbackOnce(LogLevel.Information, "Portal__WorkbookRedirect is false");
            return null;
        }

        // A shared key in the connection (Azurite, a connection string): a service SAS, signed locally.
        if (blobs.CanGenerateAccountSasUri) return new BlobReadSigner(null);
        if (Clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _retryKeyAtTicks)) return null;
        try
        {
            return new BlobReadSigner(await keys.GetAsync(ct));
        }
        catch (RequestFailedException ex)
        {
            // Typically 403: the identity lacks generateUserDelegationKey (see infra/app/rbac.bicep), or the connection
            // has no identity to ask with (anonymous, a SAS).
            return Refused($"storage refused a user delegation key ({ex.Status} {ex.ErrorCode})");
        }
        catch (AuthenticationFailedException ex)
        {
            return Refused($"the identity got no token ({ex.GetType().Name})");
        }
    }

    private BlobReadSigner? Refused(string reason)
    {
        Interlocked.Exchange(ref _retryKeyAtTicks, Clock.GetUtcNow().Add(RetryAfterRefusal).UtcTicks);
        LogFallbackOnce(LogLevel.Warning, reason);
        return null;
    }

    private void LogFallbackOnce(LogLevel level, string reason)
    {
        if (Interlocked.Exchange(ref _fallbackLogged, 1) == 0)
            logger.Log(level, "Stored files are streamed through the app instead of linked from storage: {Reason}", reason);
    }
}

/// <summary>Signs read links for one request: with a user delegation key (Azure), or with the connection's shared key.</summary>
public sealed class BlobReadSigner(Azure.Storage.Blobs.Models.UserDelegationKey? key)
{
    /// <summary>A link that reads <paramref name="blob"/> alone, until <see cref="BlobReadLinks.Lifetime"/> from now, as an attachment named <paramref name="fileName"/>.</summary>
    public Uri ReadUri(BlobClient blob, string fileName, string contentType)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, TimeProvider.System.GetUtcNow().Add(BlobReadLinks.Lifetime))
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            // Only over HTTPS wherever storage speaks it (Azure); the emulator speaks HTTP.
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            ContentDisposition = Attachment(fileName),
            ContentType = contentType,
        };
        return key is null ? blob.GenerateSasUri(sas) : blob.GenerateUserDelegationSasUri(sas, key);
    }

    /// <summary><c>attachment; filename="…"; filename*=utf-8''…</c>, as the app's own file responses name a download.</summary>
    public static string Attachment(string fileName) =>
        new ContentDispositionHeaderValue("attachment") { FileName = $"\"{fileName}\"", FileNameStar = fileName }.ToString();
}
