using System.Text.Json.Nodes;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.AbacCondition;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// What a reporting unit's uploader group can do, read off the compiled template: the custom role's permissions and
/// the per-unit condition of each assignment, evaluated together against the storage requests people make.
/// </summary>
[Trait(Needs.Trait, Needs.Bicep)]
public sealed class UploaderRoleTests
{
    private const string BlobDataPrefix = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/";
    private const string Reader = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

    [Fact]
    public void Uploader_role_grants_blob_data_actions_only_and_nothing_on_containers_or_the_account()
    {
        var (_, permissions) = UploaderRole(Deploy().Module("rbac"));

        Assert.Empty(permissions["actions"]!.AsArray());
        Assert.Empty(permissions["notActions"]!.AsArray());
        var dataActions = Strings(permissions["dataActions"]);
        Assert.Equal(new[] { BlobRead, BlobWrite, BlobAdd, BlobDelete }.Order(), dataActions.Order());
        Assert.All(dataActions, a => Assert.StartsWith(BlobDataPrefix, a));
        // Container-level actions (create, change, delete a container, user delegation keys) are granted nowhere.
        Assert.DoesNotContain(dataActions.Concat(Strings(permissions["actions"])),
            a => a.Contains("/containers/", StringComparison.OrdinalIgnoreCase) && !a.StartsWith(BlobDataPrefix, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Uploader_role_is_assignable_in_its_resource_group_only_and_named_uniquely_per_resource_group()
    {
        var rbac = Deploy().Module("rbac");
        var role = Assert.Single(rbac.Resources("Microsoft.Authorization/roleDefinitions"));
        var properties = rbac.Evaluate(role, "properties")!;

        Assert.Equal("CustomRole", Text(properties["type"]));
        Assert.Equal([Text(rbac.Evaluate(JsonValue.Create("[resourceGroup().id]")))], Strings(properties["assignableScopes"]));
        Assert.Contains(Text(rbac.Evaluate(JsonValue.Create("[uniqueString(resourceGroup().id)]"))), Text(properties["roleName"]));
    }

    [Fact]
    public void Every_data_action_of_the_role_is_constrained_by_the_condition()
    {
        var rbac = Deploy().Module("rbac");
        var (_, permissions) = UploaderRole(rbac);
        var condition = Text(Assignments(rbac).First()["condition"]);

        // An action the role grants but the condition never names would be allowed everywhere.
        Assert.Equal(Strings(permissions["dataActions"]).Order(), NamedActions(condition).Order());
    }

    [Fact]
    public void Each_unit_group_holds_the_uploader_role_on_the_uploads_container_only()
    {
        var rbac = Deploy().Module("rbac");
        var (roleName, _) = UploaderRole(rbac);
        var assignments = Assignments(rbac);

        Assert.Equal(UploaderGroups.Values.Order(), assignments.Select(a => Text(a["principalId"])).Order());
        Assert.All(assignments, a =>
        {
            Assert.Equal("Group", Text(a["principalType"]));
            Assert.EndsWith($"/providers/Microsoft.Authorization/roleDefinitions/{roleName}", Text(a["roleDefinitionId"]));
            Assert.DoesNotContain("/resourceGroups/", Text(a["roleDefinitionId"]), StringComparison.OrdinalIgnoreCase);
            Assert.EndsWith($"/containers/{StorageNames.UploadsContainer}", Text(a["scope"]));
        });
    }

    [Fact]
    public void A_unit_may_upload_read_replace_and_delete_under_its_own_folder()
    {
        foreach (var (unit, may) in UnitPermissions())
        {
            var file = $"{unit}/2021-Q3/{unit}-2021-Q3.xlsx";
            foreach (var action in new[] { BlobWrite, BlobAdd, BlobRead, BlobDelete })
                Assert.True(may(Request.OnBlob(action, StorageNames.UploadsContainer, file)), $"{unit}: {action} on {file}");
            Assert.True(may(Request.List(StorageNames.UploadsContainer, $"{unit}/")), $"{unit}: list {unit}/");
            Assert.True(may(Request.List(StorageNames.UploadsContainer, $"{unit}/2021-Q3/")), $"{unit}: list {unit}/2021-Q3/");
        }
    }

    [Fact]
    public void A_unit_may_touch_no_other_units_folder_no_other_container_and_no_root_listing()
    {
        foreach (var (unit, may) in UnitPermissions())
        {
            var denied = new List<Request>
            {
                Request.OnBlob(BlobWrite, StorageNames.UploadsContainer, "stray.xlsx"),
                Request.OnBlob(BlobWrite, StorageNames.UploadsContainer, $"{unit}X/2021-Q3/a.xlsx"),
                Request.OnBlob(BlobWrite, StorageNames.UploadsContainer, $"{unit.ToLowerInvariant()}/2021-Q3/a.xlsx"),
                Request.List(StorageNames.UploadsContainer, null),
                Request.List(StorageNames.UploadsContainer, ""),
                Request.List(StorageNames.UploadsContainer, unit),
            };
            foreach (var other in UploaderGroups.Keys.Where(k => k != unit))
            {
                foreach (var action in new[] { BlobWrite, BlobAdd, BlobRead, BlobDelete })
                    denied.Add(Request.OnBlob(action, StorageNames.UploadsContainer, $"{other}/2021-Q3/{other}-2021-Q3.xlsx"));
                denied.Add(Request.List(StorageNames.UploadsContainer, $"{other}/"));
            }

            foreach (var container in new[] { StorageNames.ArchiveContainer, StorageNames.ReportsContainer, StorageNames.OutboxContainer })
            {
                denied.Add(Request.OnBlob(BlobRead, container, $"{unit}/2021-Q3/a.xlsx"));
                denied.Add(Request.OnBlob(BlobDelete, container, $"{unit}/2021-Q3/a.xlsx"));
                denied.Add(Request.List(container, $"{unit}/"));
            }

            foreach (var containerAction in new[] { "delete", "write", "read" })
            {
                denied.Add(Request.OnBlob($"Microsoft.Storage/storageAccounts/blobServices/containers/{containerAction}",
                    StorageNames.UploadsContainer, ""));
            }

            Assert.All(denied, request => Assert.False(may(request), $"{unit} must not: {request.Action} {request.SubOperation} " +
                string.Join(" ", request.Resource.Values.Concat(request.RequestAttributes.Values))));
        }
    }

    [Fact]
    public void No_custom_role_is_created_without_uploader_groups()
    {
        var rbac = Deploy(overrides: new JsonObject { ["uploaderGroups"] = new JsonObject() }).Module("rbac");

        Assert.False(rbac.IsDeployed(Assert.Single(rbac.Resources("Microsoft.Authorization/roleDefinitions"))));
        Assert.Equal(0, rbac.Evaluate(Loop(rbac, "uploaderAssignments")["copy"]!["count"])!.GetValue<long>());
    }

    [Fact]
    public void Uploader_groups_get_Reader_on_the_account_to_find_it_in_the_portal_unless_turned_off()
    {
        IReadOnlyList<JsonNode> Readers(ArmScope rbac)
        {
            var loop = Loop(rbac, "uploaderAccountReaders");
            var count = (int)rbac.Evaluate(loop["copy"]!["count"])!.GetValue<long>();
            return [.. Enumerable.Range(0, count).Select(rbac.WithCopyIndex)
                .Where(scope => scope.IsDeployed(loop))
                .Select(scope => scope.Evaluate(loop)!)];
        }

        var readers = Readers(Deploy().Module("rbac"));
        Assert.Equal(UploaderGroups.Values.Order(), readers.Select(r => Text(r["properties"]!["principalId"])).Order());
        Assert.All(readers, r =>
        {
            Assert.EndsWith(Reader, Text(r["properties"]!["roleDefinitionId"]));
            Assert.EndsWith("/providers/Microsoft.Storage/storageAccounts/" + Text(Deploy().Module("rbac").Parameter("storageAccountName")),
                Text(r["scope"]));
        });

        Assert.Empty(Readers(Deploy(overrides: new JsonObject { ["uploadersReadAccount"] = false }).Module("rbac")));
    }

    /// <summary>Per unit: may its group's members make this request (the role grants it and the condition allows it)?</summary>
    private static IEnumerable<(string Unit, Func<Request, bool> May)> UnitPermissions()
    {
        var rbac = Deploy().Module("rbac");
        var granted = Strings(UploaderRole(rbac).Permissions["dataActions"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in Assignments(rbac))
        {
            var unit = UploaderGroups.Single(g => g.Value == Text(assignment["principalId"])).Key;
            var condition = Text(assignment["condition"]);
            yield return (unit, request => granted.Contains(request.Action) && Allows(condition, request));
        }
    }

    private static (string Name, JsonObject Permissions) UploaderRole(ArmScope rbac)
    {
        var role = Assert.Single(rbac.Resources("Microsoft.Authorization/roleDefinitions"));
        Assert.True(rbac.IsDeployed(role));
        var permissions = Assert.Single(rbac.Evaluate(role, "properties.permissions")!.AsArray())!.AsObject();
        return (Text(rbac.Evaluate(role["name"])), permissions);
    }

    /// <summary>The uploader role assignments, one per unit: properties plus the evaluated scope.</summary>
    private static IReadOnlyList<JsonObject> Assignments(ArmScope rbac)
    {
        var loop = Loop(rbac, "uploaderAssignments");
        var count = (int)rbac.Evaluate(loop["copy"]!["count"])!.GetValue<long>();
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var scope = rbac.WithCopyIndex(i);
            var properties = scope.Evaluate(loop, "properties")!.AsObject();
            properties["scope"] = scope.Evaluate(loop["scope"]);
            return properties;
        })];
    }

    private static JsonObject Loop(ArmScope rbac, string name) =>
        Assert.Single(rbac.Resources("Microsoft.Authorization/roleAssignments"), r => (string?)r["copy"]?["name"] == name);

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(Text)];
}
