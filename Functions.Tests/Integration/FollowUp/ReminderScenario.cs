using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.FollowUp;

/// <summary>
/// One test's world for the follow-up tests: its own Azurite tables seeded with <see cref="ReminderTestHost.SeedAsync"/>,
/// a fake SendGrid endpoint and a clock starting at <paramref name="start"/>.
/// </summary>
public abstract class ReminderScenario(AzuriteFixture azurite, DateTimeOffset start) : IAsyncLifetime
{
    protected FakeSendGridServer Server { get; } = FakeSendGridServer.Start();

    protected TestStorage Storage { get; } = new(azurite);

    protected FakeTimeProvider Clock { get; } = new(start);

    public Task InitializeAsync() => ReminderTestHost.SeedAsync(Storage);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <param name="settings">Extra settings (a null value removes one of the host's defaults).</param>
    internal ReminderTestHost Host(IReadOnlyDictionary<string, string?>? settings = null) => ReminderTestHost.Create(Storage, Server, Clock, settings);
}
