using System.Text.RegularExpressions;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// docs/deploy.md's plain-az route passes infra/main.parameters.json as it is, so each of its commands must replace
/// every azd placeholder there: a raw "${SENDGRID_KEY_STORED}" given to a bool parameter fails the deployment.
/// </summary>
public sealed partial class DeployGuideTests
{
    [Fact]
    public void Every_az_deployment_of_main_in_the_guide_replaces_every_azd_placeholder()
    {
        var placeholders = MainParameters.Load()
            .Where(p => p.Value?["value"]?.ToString().Contains("${", StringComparison.Ordinal) == true)
            .Select(p => p.Key)
            .ToList();
        var commands = MainDeployments(File.ReadAllLines(Path.Combine(CompiledTemplate.RepoRoot, "docs", "deploy.md")));

        Assert.Contains("sendGridKeyStored", placeholders);
        Assert.Equal(2, commands.Count); // Windows and Linux
        Assert.All(commands, command => Assert.All(placeholders, name =>
            Assert.True(Regex.IsMatch(command, $@"\s{name}="), $"The guide's command does not set {name}:\n{command}")));
    }

    [Fact]
    public void After_the_first_deploy_the_guide_runs_the_smoke_test_and_reads_each_of_its_checks()
    {
        var guide = File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "docs", "deploy.md"));
        var script = File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "scripts", "smoke.sh"));
        var start = guide.IndexOf("## After the first deploy", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/deploy.md has no \"After the first deploy\" section.");
        var end = guide.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = guide[start..(end < 0 ? guide.Length : end)];

        Assert.Contains("bash scripts/smoke.sh", section, StringComparison.Ordinal);
        // Every check the script reports is explained, and the sample output is the script's own wording.
        var checks = Regex.Matches(script, @"\bfail (\w+) ").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(["start", "headers", "page", "json", "forged", "api"], checks);
        Assert.All(checks, check => Assert.Contains($"| `{check}` |", section, StringComparison.Ordinal));
        Assert.Contains("every check passed.", section, StringComparison.Ordinal);
        Assert.Contains("SMOKE_TEST false", guide, StringComparison.Ordinal);
    }

    [Fact]
    public void The_guide_says_what_to_do_after_the_blobs_extension_key_is_regenerated_and_for_a_custom_domain()
    {
        var guide = File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "docs", "deploy.md"));

        Assert.Contains("blobs_extension` key was regenerated", guide, StringComparison.Ordinal);
        Assert.Contains("/.auth/login/aad/callback\" \"https://plan.coalicion.example/.auth/login/aad/callback\"", guide, StringComparison.Ordinal);
        Assert.Contains("appRoleAssignmentRequired", guide, StringComparison.Ordinal);
    }

    // A command starts at "az deployment group create … -f infra/main.bicep" and goes on while lines end with a
    // continuation (\ in bash, ` in PowerShell).
    private static List<string> MainDeployments(string[] lines)
    {
        var commands = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains("az deployment group create", StringComparison.Ordinal) || !lines[i].Contains("infra/main.bicep", StringComparison.Ordinal))
                continue;
            var command = lines[i];
            while (Continues().IsMatch(lines[i]) && i + 1 < lines.Length)
                command += "\n" + lines[++i];
            commands.Add(command);
        }

        return commands;
    }

    [GeneratedRegex(@"[\\`]\s*$")]
    private static partial Regex Continues();
}
