using System.Reflection;
using System.Text.Json.Nodes;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The app's identity holds no role wider than its work: a data role per container of the coalition's account (so a
/// link it signs can reach only those), Storage Blob Delegator for the key, and the broad host roles only on the
/// host's own account; plus the other smaller limits (instances, Key Vault purge protection).
/// </summary>
[Trait(Needs.Trait, Needs.Bicep)]
public sealed class LeastPrivilegeTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageBlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    private const string StorageBlobDelegator = "db58b8e5-c6ad-4a2a-8342-4190687cbf4a";

    private sealed record Assignment(string Role, string Scope);

    private static List<Assignment> AppAssignments(ArmScope rbac)
    {
        var appPrincipal = Text(rbac.Parameter("appPrincipalId"));
        var found = new List<Assignment>();
        foreach (var resource in rbac.Resources("Microsoft.Authorization/roleAssignments"))
        {
            var scopes = resource["copy"] is { } copy
                ? Enumerable.Range(0, (int)rbac.Evaluate(copy["count"])!.GetValue<long>()).Select(rbac.WithCopyIndex)
                : [rbac];
            foreach (var scope in scopes.Where(s => s.IsDeployed(resource)))
            {
                var properties = scope.Evaluate(resource, "properties")!;
                if (Text(properties["principalId"]) == appPrincipal)
                    found.Add(new Assignment(Text(properties["roleDefinitionId"]).Split('/')[^1], Text(scope.Evaluate(resource["scope"]))));
            }
        }

        return found;
    }

    [Fact]
    public void On_the_data_account_the_app_holds_blob_roles_per_container_and_none_on_the_whole_account()
    {
        var rbac = Deploy().Module("rbac");
        var account = $"Microsoft.Storage/storageAccounts/{Text(rbac.Parameter("storageAccountName"))}";
        var assignments = AppAssignments(rbac);

        var onAccount = assignments.Where(a => a.Scope.EndsWith(account, StringComparison.Ordinal)).Select(a => a.Role).ToList();
        Assert.DoesNotContain(StorageBlobDataOwner, onAccount);
        Assert.DoesNotContain(StorageBlobDataContributor, onAccount);
        Assert.DoesNotContain(StorageBlobDataReader, onAccount);
        Assert.Contains(StorageBlobDelegator, onAccount);

        string ContainerScope(string container) => $"{account}/blobServices/default/containers/{container}";
        foreach (var written in new[] { StorageNames.UploadsContainer, StorageNames.ArchiveContainer, StorageNames.ReportsContainer, StorageNames.OutboxContainer, StorageNames.WorkbooksContainer, StorageNames.ExportsContainer })
            Assert.Contains(new Assignment(StorageBlobDataContributor, ContainerScope(written)), assignments.Select(a => a with { Scope = Tail(a.Scope, account) }));
        Assert.Contains(new Assignment(StorageBlobDataReader, ContainerScope(StorageNames.ConfigContainer)), assignments.Select(a => a with { Scope = Tail(a.Scope, account) }));
        // Event Grid's dead letters: the operations page lists them and a replay marks them, nothing wider.
        var onDeadLetters = assignments.Where(a => a.Scope.EndsWith($"/{StorageNames.EventGridDeadLetters}", StringComparison.Ordinal)).Select(a => a.Role).ToList();
        Assert.Equal([StorageBlobDataContributor], onDeadLetters);
    }

    [Fact]
    public void Every_container_the_code_names_is_either_written_or_read_by_the_app_never_both()
    {
        var main = Deploy();
        var written = main.Module("rbac").Parameter("appWriteContainers")!.AsArray().Select(Text).ToList();
        var read = main.Module("rbac").Parameter("appReadContainers")!.AsArray().Select(Text).ToList();
        var named = typeof(StorageNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Container", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Empty(written.Intersect(read));
        Assert.Subset(written.Concat(read).ToHashSet(), named.ToHashSet());
    }

    [Fact]
    public void The_host_s_storage_is_its_own_account_with_the_host_s_roles_there_only()
    {
        var main = Deploy();
        var rbac = main.Module("rbac");
        var host = $"Microsoft.Storage/storageAccounts/{Text(rbac.Parameter("hostStorageAccountName"))}";
        var data = $"Microsoft.Storage/storageAccounts/{Text(rbac.Parameter("storageAccountName"))}";
        var assignments = AppAssignments(rbac);

        Assert.NotEqual(host, data);
        var owner = Assert.Single(assignments, a => a.Role == StorageBlobDataOwner);
        Assert.EndsWith(host, owner.Scope, StringComparison.Ordinal);

        // AzureWebJobsStorage and the package point at the host's account; PlanStorage at the coalition's.
        var settings = AppSettings(main);
        Assert.Contains("deployments/host-storage", Text(settings["AzureWebJobsStorage__blobServiceUri"]), StringComparison.Ordinal);
        Assert.Contains("deployments/host-storage", Text(settings["AzureWebJobsStorage__queueServiceUri"]), StringComparison.Ordinal);
        Assert.Contains("deployments/host-storage", Text(settings["AzureWebJobsStorage__tableServiceUri"]), StringComparison.Ordinal);
        Assert.Contains("deployments/storage", Text(settings[$"{StorageNames.Connection}__blobServiceUri"]), StringComparison.Ordinal);
        Assert.Contains("deployments/host-storage", Text(main.Module("functionapp").Parameter("deploymentBlobEndpoint")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_delegation_key_the_app_asks_for_lives_no_longer_than_the_links_need()
    {
        // The links live BlobReadLinks.Lifetime (5 minutes); the key a few times that, renewed before a link could outlive it.
        Assert.Equal(TimeSpan.FromMinutes(5), BlobReadLinks.Lifetime);
        Assert.True(UserDelegationKeys.KeyLifetime <= TimeSpan.FromMinutes(30));
        Assert.True(UserDelegationKeys.RenewBefore > BlobReadLinks.Lifetime);
        Assert.True(UserDelegationKeys.KeyLifetime > UserDelegationKeys.RenewBefore);
        // What the template says to people about it matches.
        var description = Text(CompiledTemplate.Json["parameters"]!["portalWorkbookRedirect"]!["metadata"]!["description"]);
        Assert.Contains("5-minute", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Instances_are_bounded_by_a_parameter_that_allows_one_and_defaults_to_ten()
    {
        var main = Deploy();
        var app = main.Module("functionapp");
        var site = Assert.Single(app.Resources("Microsoft.Web/sites"));
        var definition = CompiledTemplate.Json["parameters"]!["maximumInstanceCount"]!;

        Assert.Equal(10, app.Evaluate(site, "properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount")!.GetValue<long>());
        Assert.Equal(1, definition["minValue"]!.GetValue<long>());
        Assert.Equal(1000, definition["maxValue"]!.GetValue<long>());
        var one = Deploy(overrides: new JsonObject { ["maximumInstanceCount"] = 1L }).Module("functionapp");
        Assert.Equal(1, one.Evaluate(Assert.Single(one.Resources("Microsoft.Web/sites")), "properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount")!.GetValue<long>());
    }

    [Fact]
    public void Key_Vault_purge_protection_is_a_parameter_on_by_default()
    {
        bool? Purge(bool? on)
        {
            var keyVault = (on is null ? Deploy() : Deploy(overrides: new JsonObject { ["keyVaultPurgeProtection"] = on })).Module("keyvault");
            var value = keyVault.Evaluate(Assert.Single(keyVault.Resources("Microsoft.KeyVault/vaults")), "properties.enablePurgeProtection");
            return value?.GetValue<bool>();
        }

        Assert.True(Purge(null));
        Assert.True(Purge(true));
        // Off leaves the property out (ARM refuses an explicit false once it was on).
        Assert.Null(Purge(false));
    }

    /// <summary>
    /// Readers of the open data (Power BI, Fabric, a pipeline) get Storage Blob Data Reader on the exports container and
    /// nothing else; none are named by default.
    /// </summary>
    [Fact]
    public void Export_readers_read_the_exports_container_only()
    {
        string[] readers = ["44444444-4444-4444-4444-444444444444", "55555555-5555-5555-5555-555555555555"];
        var rbac = Deploy(overrides: new JsonObject { ["exportReaderPrincipalIds"] = new JsonArray(readers.Select(r => (JsonNode)r).ToArray()) }).Module("rbac");
        var account = $"Microsoft.Storage/storageAccounts/{Text(rbac.Parameter("storageAccountName"))}";
        var exports = $"{account}/blobServices/default/containers/{StorageNames.ExportsContainer}";

        var granted = Grants(rbac).Where(g => readers.Contains(g.Principal)).Select(g => (g.Principal, g.Role, Tail(g.Scope, account))).ToList();
        Assert.Equal(readers.Select(r => (r, StorageBlobDataReader, exports)).Order(), granted.Order());
        // By default nobody but the app holds a role on the exports.
        var none = Deploy().Module("rbac");
        var appPrincipal = Text(none.Parameter("appPrincipalId"));
        Assert.DoesNotContain(Grants(none), g => g.Scope.EndsWith($"/containers/{StorageNames.ExportsContainer}", StringComparison.Ordinal) && g.Principal != appPrincipal);
    }

    /// <summary>Every role assignment the module deploys: principal, role id and scope.</summary>
    private static List<(string Principal, string Role, string Scope)> Grants(ArmScope rbac)
    {
        var found = new List<(string, string, string)>();
        foreach (var resource in rbac.Resources("Microsoft.Authorization/roleAssignments"))
        {
            var scopes = resource["copy"] is { } copy
                ? Enumerable.Range(0, (int)rbac.Evaluate(copy["count"])!.GetValue<long>()).Select(rbac.WithCopyIndex)
                : [rbac];
            foreach (var scope in scopes.Where(s => s.IsDeployed(resource)))
            {
                var properties = scope.Evaluate(resource, "properties")!;
                found.Add((Text(properties["principalId"]), Text(properties["roleDefinitionId"]).Split('/')[^1], Text(scope.Evaluate(resource["scope"]))));
            }
        }

        return found;
    }

    private static string Tail(string scope, string account) => scope[scope.IndexOf(account, StringComparison.Ordinal)..];
}
