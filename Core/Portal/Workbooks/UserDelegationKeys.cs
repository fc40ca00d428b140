using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// The user delegation key that signs read links in Azure, where the app reaches storage as its managed identity and
/// the account refuses shared keys: one key per instance, asked for with the identity
/// (<c>generateUserDelegationKey</c>: the Storage Blob Delegator role on the account, infra/app/rbac.bicep) and kept
/// until it is about to outlive the links it signs, so most downloads cost no extra request. The key lives no longer
/// than the links need: a link is refused once its key expires, so a key must outlast every link it signed
/// (<see cref="BlobReadLinks.Lifetime"/>), and nothing longer is worth the exposure of a key taken from an instance.
/// </summary>
public sealed class UserDelegationKeys(BlobServiceClient blobs)
{
    /// <summary>How long a key is asked for: a few links' lifetimes, so a lost key ages out within the half hour.</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A key is renewed when less than this is left: a link's lifetime and a margin for clock skew between the instance
    /// and storage, so every link signed expires before its key.
    /// </summary>
    public static readonly TimeSpan RenewBefore = BlobReadLinks.Lifetime + TimeSpan.FromMinutes(5);

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
