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
