using System.Text.Json;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Operations;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Operations;

/// <summary><c>serverlessplan status</c> and <c>replay</c> against Azurite: exit codes and JSON as the README promises.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class StatusCliTests(AzuriteFixture azurite) : IDisposable
{
    private const string Period = "2021-Q3";
    private readonly string _outbox = Directory.CreateTempSubdirectory("status-cli").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private async Task<(int Code, string Out, string Err)> Run(TestStorage storage, params string[] args)
    {
        var settings = storage.Settings();
        settings["Mail:OutboxDirectory"] = _outbox;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, settings);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The digest's due slot recorded as sent and a reminder run after the last firing: what a healthy week leaves.</summary>
    private static async Task SeedHealthyTimersAsync(TestStorage storage)
    {
        var now = DateTimeOffset.UtcNow;
        var slot = new DigestSchedule(DigestSchedule.Default).SlotFor(now - OperationsStatusService.DigestGrace);
        var digests = storage.Tables.GetTableClient(storage.Layout.DigestsTable);
        await digests.CreateIfNotExistsAsync();
        await digests.AddEntityAsync(new DigestEntity
        {
            PartitionKey = DigestEntity.ScheduledPartition, RowKey = DigestStore.KeyOf(slot), State = nameof(DigestSendState.Sent), Slot = slot,
            Period = Period, SentAt = slot, ClaimedAt = slot, ClaimedBy = "run",
        });
        await new ReminderRunLog(storage.Tables, storage.Layout).RecordAsync(new ReminderRunEntity { At = now, RanAt = now, Week = "2026-W50", Complete = true }, default);
    }

    [Fact]
    public async Task Status_exits_0_when_healthy_and_5_with_each_item_named_when_a_timer_did_not_run()
    {
        var quiet = new TestStorage(azurite);
        var healthy = new TestStorage(azurite);
        await SeedHealthyTimersAsync(healthy);

        var (quietCode, quietOut, _) = await Run(quiet, "status", "--json");
        var (code, stdout, _) = await Run(healthy, "status", "--json");
        var (textCode, text, _) = await Run(quiet, "status");

        Assert.Equal(ExitCodes.NeedsAttention, quietCode);
        using var quietJson = JsonDocument.Parse(quietOut);
        Assert.False(quietJson.RootElement.GetProperty("healthy").GetBoolean());
        var codes = quietJson.RootElement.GetProperty("attention").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Equal([AttentionCodes.DigestMissed, AttentionCodes.RemindersMissed], codes);
        Assert.Equal(DigestSlotStates.Missing, quietJson.RootElement.GetProperty("digestSlots")[0].GetProperty("state").GetString());

        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("healthy").GetBoolean());
        Assert.Equal("Sent", json.RootElement.GetProperty("digestSlots")[0].GetProperty("state").GetString());
        Assert.True(json.RootElement.GetProperty("reminderRuns")[0].GetProperty("complete").GetBoolean());

        Assert.Equal(ExitCodes.NeedsAttention, textCode);
        Assert.StartsWith("NEEDS ATTENTION", text, StringComparison.Ordinal);
        Assert.Contains(AttentionCodes.RemindersMissed, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_of_a_blob_merges_it_once_a_second_replay_is_a_duplicate_and_a_missing_blob_exits_3()
    {
        var storage = new TestStorage(azurite);
        var uploads = storage.Blobs.GetBlobContainerClient(storage.Layout.Uploads);
        await uploads.CreateIfNotExistsAsync();
        await uploads.GetBlobClient($"GT/{Period}/informe.xlsx").UploadAsync(new BinaryData(FilledSheet.Complete("GT", Period).Build()));

        var (first, firstOut, _) = await Run(storage, "replay", "--blob", $"uploads/GT/{Period}/informe.xlsx", "--json");
        var (second, secondOut, _) = await Run(storage, "replay", "--blob", $"GT/{Period}/informe.xlsx");
        var (missing, _, _) = await Run(storage, "replay", "--blob", $"GT/{Period}/no-such.xlsx");
        var (usage, _, usageErr) = await Run(storage, "replay");
        var (nothing, nothingOut, _) = await Run(storage, "replay", "--dead-letters");

        Assert.Equal(ExitCodes.Ok, first);
        using var json = JsonDocument.Parse(firstOut);
        var replayed = Assert.Single(json.RootElement.GetProperty("replayed").EnumerateArray().ToList());
        Assert.Equal("Accepted", replayed.GetProperty("outcome").GetString());
        Assert.Equal(ExitCodes.Ok, second);
        Assert.Contains("→ Duplicate", secondOut, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NoData, missing);
        Assert.Equal(ExitCodes.Usage, usage);
        Assert.Contains("usage: serverlessplan replay", usageErr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NoData, nothing);
        Assert.Equal("nothing to replay", nothingOut.Trim());
        Assert.Single((await storage.Submissions().ListPeriodAsync(Core.Plan.ReportingPeriod.Parse(Period), default)).History);
    }
}
