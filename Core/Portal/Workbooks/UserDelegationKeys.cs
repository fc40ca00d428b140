using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// The user delegation key that signs read links in Azure, where the app reaches storage as its managed identity and
/// the account refuses shared keys: one key per instance, asked for with the identity
/// (<c>generateUserDelegationKey</c>, held by Storage Blob Data Owner) and kept until an hour before it expires, so a
/// download costs no extra request. The key never leaves the instance; the links it signs live minutes.
/// </summary>
public sealed class UserDelegationKeys(BlobServiceClient blobs)
{
    /// <summary>How long a key is asked for: long enough to sign many links, short enough that a lost one ages out.</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(6);

    /// <summary>A key is renewed when less than this is left: always more than a link's lifetime.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromHours(1);

    // Storage checks key and link times against real time, whatever clock the reporting calendar reads (the demo's and
    // the tests' clocks are set in 2021): the system clock, always.
    private static readonly TimeProvider Clock = TimeProvider.System;

    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile UserDelegationKey? _key;

    /// <summary>The current key, renewed when it is close to expiring. Throws what storage answers when it refuses one.</summary>
    public async Task<UserDelegationKey> GetAsync(CancellationToken ct)
    {
        if (Fresh(_key) is { } key) return key;
        await _renewal.WaitAsync(ct);
        try
        {
            if (Fresh(_key) is { } renewed) return renewed;
            var now = Clock.GetUtcNow();
            // Started a few minutes back: the storage service's clock may be behind this instance's.
            var fresh = (await blobs.GetUserDelegationKeyAsync(now.AddMinutes(-5), now.Add(KeyLifetime), ct)).Value;
            _key = fresh;
            return fresh;
        }
        finally
        {
            _renewal.Release();
        }
    }

    private static UserDelegationKey? Fresh(UserDelegationKey? key) =>
        key is not null && key.SignedExpiresOn - Clock.GetUtcNow() > RenewBefore ? key : null;
}
