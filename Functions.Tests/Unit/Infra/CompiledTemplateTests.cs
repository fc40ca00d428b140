using System.Reflection;
using System.Text.Json.Nodes;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>The compiled infra/main.bicep, evaluated with sample parameters: the resources and access it deploys.</summary>
[Trait(Needs.Trait, Needs.Bicep)]
public sealed class CompiledTemplateTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string StorageBlobDelegator = "db58b8e5-c6ad-4a2a-8342-4190687cbf4a";

    [Fact]
    public void Storage_account_refuses_shared_keys_public_blobs_and_old_TLS()
    {
        var storage = Deploy().Module("storage");
        var account = Assert.Single(storage.Resources("Microsoft.Storage/storageAccounts"));
        var properties = storage.Evaluate(account, "properties")!;

        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", Text(properties["minimumTlsVersion"]));
    }

    [Fact]
    public void Blob_service_keeps_versions_and_soft_deleted_blobs_and_containers()
    {
        var storage = Deploy().Module("storage");
        var blobService = Assert.Single(storage.Resources("Microsoft.Storage/storageAccounts/blobServices"));
        var properties = storage.Evaluate(blobService, "properties")!;

        Assert.True(properties["isVersioningEnabled"]!.GetValue<bool>());
        Assert.True(properties["deleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.True(properties["containerDeleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Storage_creates_every_container_and_table_the_code_names()
    {
        var storage = Deploy().Module("storage");
        var containers = ContainerNames(storage);
        var tables = CopyLoopNames(storage, "Microsoft.Storage/storageAccounts/tableServices/tables");

        Assert.Subset(containers.ToHashSet(), StorageNamesEndingWith("Container").ToHashSet());
        Assert.Contains("eventgrid-deadletter", containers);
        // The deployment package is the host's, in the host's own account.
        Assert.DoesNotContain(containers, c => c.StartsWith("app-package-", StringComparison.Ordinal));
        Assert.Contains(ContainerNames(Deploy().Module("host-storage")), c => c.StartsWith("app-package-", StringComparison.Ordinal));
        Assert.Equal(StorageNamesEndingWith("Table").Order(), tables.Order());
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_Flex_Consumption_as_its_identity()
    {
        var main = Deploy();
        var app = main.Module("functionapp");
        var plan = Assert.Single(app.Resources("Microsoft.Web/serverfarms"));
        Assert.Equal("FC1", Text(app.Evaluate(plan, "sku.name")));

        var site = Assert.Single(app.Resources("Microsoft.Web/sites"));
        var config = app.Evaluate(site, "properties.functionAppConfig")!;
        Assert.Equal("dotnet-isolated", Text(config["runtime"]!["name"]));
        Assert.Equal("10.0", Text(config["runtime"]!["version"]));
        Assert.Equal(2048, config["scaleAndConcurrency"]!["instanceMemoryMB"]!.GetValue<long>());
        Assert.Equal("UserAssignedIdentity", Text(config["deployment"]!["storage"]!["authentication"]!["type"]));
        var packageContainer = Text(app.Parameter("deploymentContainerName"));
        Assert.StartsWith("app-package-", packageContainer);
        Assert.EndsWith(packageContainer, Text(config["deployment"]!["storage"]!["value"]));
        Assert.Contains(packageContainer, ContainerNames(main.Module("host-storage")));
        Assert.True(app.Evaluate(site, "properties.httpsOnly")!.GetValue<bool>());
        var identity = Text(app.Parameter("identityResourceId"));
        Assert.True(app.Evaluate(site, "identity.userAssignedIdentities")!.AsObject().ContainsKey(identity));
        Assert.Equal(identity, Text(app.Evaluate(site, "properties.keyVaultReferenceIdentity")));
    }

    [Fact]
    public void Key_Vault_authorizes_with_RBAC_only()
    {
        var keyVault = Deploy().Module("keyvault");
        var vault = Assert.Single(keyVault.Resources("Microsoft.KeyVault/vaults"));

        Assert.True(keyVault.Evaluate(vault, "properties.enableRbacAuthorization")!.GetValue<bool>());
        Assert.Null(vault["properties"]!["accessPolicies"]);
    }

    [Fact]
    public void Event_Grid_subscription_sends_new_xlsx_uploads_to_IngestUpload()
    {
        var main = Deploy();
        var subscriptionModule = main.Module("eventgrid-subscription");
        var subscription = Assert.Single(subscriptionModule.Resources("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        var properties = subscriptionModule.Evaluate(subscription, "properties")!;

        Assert.Equal(["Microsoft.Storage.BlobCreated"], properties["filter"]!["includedEventTypes"]!.AsArray().Select(Text));
        Assert.StartsWith($"/blobServices/default/containers/{StorageNames.UploadsContainer}/",
            Text(properties["filter"]!["subjectBeginsWith"]));
        Assert.Equal(".xlsx", Text(properties["filter"]!["subjectEndsWith"]));

        var endpoint = Text(properties["destination"]!["properties"]!["endpointUrl"]);
        Assert.StartsWith("https://", endpoint);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.IngestUpload&code=", endpoint);

        Assert.True(properties["retryPolicy"]!["maxDeliveryAttempts"]!.GetValue<long>() > 1);
        Assert.True(properties["retryPolicy"]!["eventTimeToLiveInMinutes"]!.GetValue<long>() > 0);
        var deadLetter = properties["deadLetterWithResourceIdentity"]!;
        Assert.Equal("SystemAssigned", Text(deadLetter["identity"]!["type"]));
        Assert.Equal("eventgrid-deadletter", Text(deadLetter["deadLetterDestination"]!["properties"]!["blobContainerName"]));
    }

    [Fact]
    public void Event_Grid_subscription_is_deployed_only_once_the_gate_is_on()
    {
        bool Deployed(ArmScope main) => main
            .Resources("Microsoft.Resources/deployments")
            .Where(d => Text(main.Evaluate(d["name"])) == "eventgrid-subscription")
            .Any(main.IsDeployed);

        Assert.True(Deployed(Deploy(withEventGridSubscription: true)));
        Assert.False(Deployed(ArmScope.Root(CompiledTemplate.Json, new JsonObject { ["environmentName"] = "test" })));
    }

    [Fact]
    public void Each_uploader_group_may_touch_only_its_own_folder_of_uploads()
    {
        var rbac = Deploy().Module("rbac");
        var loop = Assert.Single(rbac.Resources("Microsoft.Authorization/roleAssignments"), r => (string?)r["copy"]?["name"] == "uploaderAssignments");
        Assert.Equal(UploaderGroups.Count, rbac.Evaluate(loop["copy"]!["count"])!.GetValue<long>());

        var seen = new List<string>();
        for (var i = 0; i < UploaderGroups.Count; i++)
        {
            var properties = rbac.WithCopyIndex(i).Evaluate(loop, "properties")!;
            var unit = UploaderGroups.Single(g => g.Value == Text(properties["principalId"])).Key;
            var condition = Text(properties["condition"]);
            seen.Add(unit);

            Assert.Equal("Group", Text(properties["principalType"]));
            // Not Storage Blob Data Contributor: its container actions ignore the condition (UploaderRoleTests).
            Assert.DoesNotContain(StorageBlobDataContributor, Text(properties["roleDefinitionId"]));
            Assert.Equal("2.0", Text(properties["conditionVersion"]));
            Assert.Contains($"containers:name] StringEquals '{StorageNames.UploadsContainer}'", condition);
            Assert.Contains($"blobs:path] StringStartsWith '{unit}/'", condition);
            Assert.Contains($"blobs:prefix] StringStartsWith '{unit}/'", condition);
            Assert.DoesNotContain("{unit}", condition);
            foreach (var other in UploaderGroups.Keys.Where(k => k != unit))
                Assert.DoesNotContain($"'{other}/'", condition);
        }

        Assert.Equal(UploaderGroups.Keys.Order(), seen.Order());
    }

    [Fact]
    public void App_identity_gets_the_data_and_telemetry_roles_its_bindings_need()
    {
        var rbac = Deploy().Module("rbac");
        var appPrincipal = Text(rbac.Parameter("appPrincipalId"));
        var roles = rbac.Resources("Microsoft.Authorization/roleAssignments")
            .Where(r => r["copy"] is null && rbac.IsDeployed(r))
            .Select(r => rbac.Evaluate(r, "properties")!)
            .Where(p => Text(p["principalId"]) == appPrincipal)
            .Select(p => Text(p["roleDefinitionId"]).Split('/')[^1])
            .Order();

        // Blob Data Owner only on the host's own account; the data account's blobs by container (LeastPrivilegeTests),
        // the one written here being Event Grid's dead letters, which the operations page lists and replays.
        Assert.Equal(
            new[]
            {
                StorageBlobDelegator, StorageQueueDataContributor, StorageTableDataContributor, StorageBlobDataContributor,
                StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor,
                KeyVaultSecretsUser, MonitoringMetricsPublisher,
            }.Order(),
            roles);
    }

    [Fact]
    public void App_identity_may_ask_for_user_delegation_keys_on_the_storage_account()
    {
        // Built-in roles whose actions include blobServices/generateUserDelegationKey/action: the portal signs its
        // workbook links with a user delegation key (Portal__WorkbookRedirect).
        string[] delegating = [StorageBlobDataOwner, StorageBlobDataContributor, "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", "db58b8e5-c6ad-4a2a-8342-4190687cbf4a"];
        var rbac = Deploy().Module("rbac");
        var appPrincipal = Text(rbac.Parameter("appPrincipalId"));
        var storageAccount = Text(rbac.Parameter("storageAccountName"));

        var onAccount = rbac.Resources("Microsoft.Authorization/roleAssignments")
            .Where(r => r["copy"] is null && rbac.IsDeployed(r))
            .Where(r => Text(rbac.Evaluate(r, "properties")!["principalId"]) == appPrincipal)
            .Where(r => Text(rbac.Evaluate(r["scope"])).EndsWith($"Microsoft.Storage/storageAccounts/{storageAccount}", StringComparison.Ordinal))
            .Select(r => Text(rbac.Evaluate(r, "properties")!["roleDefinitionId"]).Split('/')[^1])
            .ToList();

        Assert.Contains(onAccount, delegating.Contains);
    }

    private static List<string> CopyLoopNames(ArmScope scope, string type)
    {
        var loop = Assert.Single(scope.Resources(type));
        var count = scope.Evaluate(loop["copy"]!["count"])!.GetValue<long>();
        return [.. Enumerable.Range(0, (int)count).Select(i => Text(scope.WithCopyIndex(i).Evaluate(loop["name"])).Split('/')[^1])];
    }

    /// <summary>Every container a storage module creates, in its copy loop or declared alone (the archive).</summary>
    internal static List<string> ContainerNames(ArmScope storage) =>
        [.. storage.Resources("Microsoft.Storage/storageAccounts/blobServices/containers").SelectMany(r => r["copy"] is { } copy
            ? Enumerable.Range(0, (int)storage.Evaluate(copy["count"])!.GetValue<long>()).Select(i => Text(storage.WithCopyIndex(i).Evaluate(r["name"])).Split('/')[^1])
            : [Text(storage.Evaluate(r["name"])).Split('/')[^1]])];

    private static IEnumerable<string> StorageNamesEndingWith(string suffix) =>
        typeof(StorageNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith(suffix, StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);
}
