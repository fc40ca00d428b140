using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>
/// What the digest's integration tests share: one test's Azurite storage seeded with <see cref="WorkbookSeed"/>, a fake
/// SendGrid endpoint behind the real client, and a clock just after the default schedule's Monday slot.
/// </summary>
public abstract class DigestScenario(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>A slot of the default schedule (Mondays 12:00 UTC), a week after 2021-Q3's deadline.</summary>
    protected static readonly DateTimeOffset Slot = new(2021, 11, 8, 12, 0, 0, TimeSpan.Zero);

    protected FakeSendGridServer Server { get; } = FakeSendGridServer.Start();

    protected TestStorage Storage { get; } = new(azurite);

    protected FakeTimeProvider Clock { get; } = new(Slot.AddSeconds(10));

    public Task InitializeAsync() => SeedAsync(Storage);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Core as the Functions app composes it over this scenario's storage, endpoint and clock.</summary>
    private protected DigestTestHost Host(IReadOnlyDictionary<string, string?>? settings = null, long? maxAttachmentBytes = null,
        Action<IServiceCollection>? configure = null) =>
        DigestTestHost.Create(Storage, Server, Clock, maxAttachmentBytes, settings, configure);

    /// <summary>The scheduled digest's record of a slot.</summary>
    private protected static async Task<DigestEntity> RecordAsync(DigestTestHost host, DateTimeOffset slot) =>
        (await host.Store.GetAsync(DigestEntity.ScheduledPartition, DigestService.MessageKey(slot), default))!;
}
