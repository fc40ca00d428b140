using System.Text.Json.Nodes;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The data account keeps what must be kept (the archive immutable, soft delete, a delete lock) and forgets what may be
/// forgotten (old versions outside the archive, the workbook cache, old export snapshots), each period a parameter.
/// </summary>
[Trait(Needs.Trait, Needs.Bicep)]
public sealed class StorageSafetyTests
{
    private static JsonObject Single(ArmScope scope, string type) => Assert.Single(scope.Resources(type));

    [Fact]
    public void The_archive_has_version_level_immutability_with_a_time_based_retention_of_the_period_given()
    {
        var storage = Deploy(overrides: new JsonObject { ["archiveRetentionDays"] = 2555L }).Module("storage");
        var archive = Assert.Single(storage.Resources("Microsoft.Storage/storageAccounts/blobServices/containers"), c => c["copy"] is null);
        var policy = Single(storage, "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");

        Assert.EndsWith($"/{StorageNames.ArchiveContainer}", Text(storage.Evaluate(archive["name"])));
        Assert.True(storage.Evaluate(archive, "properties.immutableStorageWithVersioning.enabled")!.GetValue<bool>());
        Assert.EndsWith($"/{StorageNames.ArchiveContainer}/default", Text(storage.Evaluate(policy["name"])));
        Assert.Equal(2555, storage.Evaluate(policy, "properties.immutabilityPeriodSinceCreationInDays")!.GetValue<long>());
        Assert.False(storage.Evaluate(policy, "properties.allowProtectedAppendWrites")!.GetValue<bool>());
        // Version-level immutability needs the account's versions.
        Assert.True(storage.Evaluate(Single(storage, "Microsoft.Storage/storageAccounts/blobServices"), "properties.isVersioningEnabled")!.GetValue<bool>());
        // Ten years unless told otherwise.
        Assert.Equal(3650, Deploy().Module("storage").Parameter("archiveRetentionDays")!.GetValue<long>());
    }

    [Fact]
    public void The_archive_is_in_no_loop_the_lifecycle_policy_touches()
    {
        var storage = Deploy().Module("storage");
        var loopContainers = CompiledTemplateTests.ContainerNames(storage).Where(c => c != StorageNames.ArchiveContainer).ToList();
        var prefixes = LifecycleRules(storage).SelectMany(r => r["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(Text)).ToList();

        Assert.DoesNotContain(prefixes, p => p.StartsWith($"{StorageNames.ArchiveContainer}/", StringComparison.Ordinal));
        Assert.DoesNotContain(StorageNames.ArchiveContainer, loopContainers);
        Assert.Single(CompiledTemplateTests.ContainerNames(storage), StorageNames.ArchiveContainer);
    }

    [Fact]
    public void Soft_delete_keeps_deleted_blobs_and_containers_for_the_days_given()
    {
        var storage = Deploy(overrides: new JsonObject { ["storageSoftDeleteDays"] = 30L }).Module("storage");
        var properties = storage.Evaluate(Single(storage, "Microsoft.Storage/storageAccounts/blobServices"), "properties")!;

        Assert.True(properties["deleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(30, properties["deleteRetentionPolicy"]!["days"]!.GetValue<long>());
        Assert.True(properties["containerDeleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(30, properties["containerDeleteRetentionPolicy"]!["days"]!.GetValue<long>());
    }

    [Fact]
    public void Lifecycle_deletes_old_versions_everywhere_but_the_archive_after_the_days_given()
    {
        var storage = Deploy(overrides: new JsonObject { ["oldVersionRetentionDays"] = 60L }).Module("storage");
        var rule = Assert.Single(LifecycleRules(storage), r => Text(r["name"]) == "delete-old-versions");
        var prefixes = rule["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(Text).ToList();

        Assert.Equal(60, rule["definition"]!["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]!.GetValue<long>());
        Assert.Null(rule["definition"]!["actions"]!["baseBlob"]); // current blobs are never deleted by this rule
        foreach (var container in new[] { StorageNames.UploadsContainer, StorageNames.ReportsContainer, StorageNames.OutboxContainer, StorageNames.WorkbooksContainer, StorageNames.ConfigContainer })
            Assert.Contains($"{container}/", prefixes);
        Assert.True(prefixes.Count <= 10, "A lifecycle filter holds at most 10 prefixes.");
    }

    [Fact]
    public void Lifecycle_forgets_cached_workbooks_and_old_export_snapshots_after_the_days_given()
    {
        var storage = Deploy(overrides: new JsonObject { ["workbookCacheDays"] = 7L, ["exportSnapshotDays"] = 400L }).Module("storage");
        var rules = LifecycleRules(storage);
        var workbooks = Assert.Single(rules, r => Text(r["name"]) == "forget-cached-workbooks");
        var snapshots = Assert.Single(rules, r => Text(r["name"]) == "forget-old-export-snapshots");

        Assert.Equal([$"{StorageNames.WorkbooksContainer}/"], workbooks["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(Text));
        Assert.Equal(7, workbooks["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<long>());
        // Only the dated snapshots: exports/current/… is the open data people download.
        Assert.Equal(["exports/snapshots/"], snapshots["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(Text));
        Assert.Equal(400, snapshots["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<long>());
        Assert.All(rules, r => Assert.True(r["enabled"]!.GetValue<bool>()));
        // exports/current/ is the newest snapshot copied: the versions each publication replaces go after a day, the blobs never.
        var current = Assert.Single(rules, r => Text(r["name"]) == "forget-replaced-current-exports");
        Assert.Equal([$"{StorageNames.ExportsContainer}/current/"], current["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(Text));
        Assert.Equal(1, current["definition"]!["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]!.GetValue<long>());
        Assert.Null(current["definition"]!["actions"]!["baseBlob"]);
    }

    [Fact]
    public void The_data_account_is_locked_against_deletion_unless_the_parameter_says_otherwise()
    {
        var locked = Deploy().Module("storage");
        var unlocked = Deploy(overrides: new JsonObject { ["lockStorageAccount"] = false }).Module("storage");
        var lockResource = Single(locked, "Microsoft.Authorization/locks");

        Assert.True(locked.IsDeployed(lockResource));
        Assert.Equal("CanNotDelete", Text(locked.Evaluate(lockResource, "properties.level")));
        Assert.EndsWith($"Microsoft.Storage/storageAccounts/{Text(locked.Parameter("name"))}", Text(locked.Evaluate(lockResource["scope"])));
        Assert.False(unlocked.IsDeployed(Single(unlocked, "Microsoft.Authorization/locks")));
    }

    [Fact]
    public void Zone_redundant_storage_is_a_parameter()
    {
        string Sku(bool zoneRedundant)
        {
            var storage = Deploy(overrides: new JsonObject { ["storageZoneRedundant"] = zoneRedundant }).Module("storage");
            return Text(storage.Evaluate(Single(storage, "Microsoft.Storage/storageAccounts"), "sku.name"));
        }

        Assert.Equal("Standard_LRS", Sku(false));
        Assert.Equal("Standard_ZRS", Sku(true));
    }

    private static List<JsonNode> LifecycleRules(ArmScope storage)
    {
        var policy = Single(storage, "Microsoft.Storage/storageAccounts/managementPolicies");
        Assert.EndsWith("/default", Text(storage.Evaluate(policy["name"])));
        return [.. storage.Evaluate(policy, "properties.policy.rules")!.AsArray().Select(r => r!)];
    }
}
