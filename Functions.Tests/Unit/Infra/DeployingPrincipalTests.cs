using System.Text.Json.Nodes;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The deploying principal's role assignments carry its real type: a pipeline's service principal assigned as 'User'
/// fails with UnmatchedPrincipalType. azd 1.17.1+ reports the type (AZURE_PRINCIPAL_TYPE, Azure/azure-dev#5285).
/// </summary>
public sealed class DeployingPrincipalTests
{
    private const string Deployer = "44444444-4444-4444-4444-444444444444";

    [Trait(Needs.Trait, Needs.Bicep)]
    [Theory]
    [InlineData("ServicePrincipal", "ServicePrincipal")]
    [InlineData("serviceprincipal", "ServicePrincipal")]
    [InlineData("User", "User")]
    [InlineData("${AZURE_PRINCIPAL_TYPE}", "User")]
    public void Deployer_roles_are_assigned_with_the_principal_type_given(string given, string assigned)
    {
        var roles = DeployerRoles(Deploy(overrides: new JsonObject { ["principalId"] = Deployer, ["principalType"] = given }));

        Assert.Equal(3, roles.Count);
        Assert.All(roles, r => Assert.Equal(assigned, Text(r["principalType"])));
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void Deployer_type_defaults_to_User_and_no_deployer_means_no_deployer_roles()
    {
        Assert.All(DeployerRoles(Deploy(overrides: new JsonObject { ["principalId"] = Deployer })),
            r => Assert.Equal("User", Text(r["principalType"])));
        Assert.Empty(DeployerRoles(Deploy(overrides: new JsonObject { ["principalId"] = "${AZURE_PRINCIPAL_ID}" })));
    }

    [Fact]
    public void Azd_passes_the_signed_in_principal_and_its_type()
    {
        var parameters = MainParameters.Load();

        Assert.Equal("${AZURE_PRINCIPAL_ID}", MainParameters.Value(parameters, "principalId"));
        Assert.Equal("${AZURE_PRINCIPAL_TYPE}", MainParameters.Value(parameters, "principalType"));
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void Every_role_assignment_states_its_principal_type()
    {
        var rbac = Deploy(overrides: new JsonObject { ["principalId"] = Deployer, ["principalType"] = "ServicePrincipal" }).Module("rbac");

        foreach (var assignment in rbac.Resources("Microsoft.Authorization/roleAssignments"))
        {
            var scope = assignment["copy"] is null ? rbac : rbac.WithCopyIndex(0);
            Assert.Contains(Text(scope.Evaluate(assignment, "properties.principalType")), new[] { "ServicePrincipal", "Group" });
        }
    }

    private static List<JsonNode> DeployerRoles(ArmScope main)
    {
        var rbac = main.Module("rbac");
        var deployer = Text(rbac.Parameter("userPrincipalId"));
        return [.. rbac.Resources("Microsoft.Authorization/roleAssignments")
            .Where(r => r["copy"] is null && rbac.IsDeployed(r))
            .Select(r => rbac.Evaluate(r, "properties")!)
            .Where(p => deployer.Length > 0 && Text(p["principalId"]) == deployer)];
    }
}
